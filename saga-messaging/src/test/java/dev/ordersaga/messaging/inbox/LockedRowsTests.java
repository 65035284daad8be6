package dev.ordersaga.messaging.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class LockedRowsTests {

	private record Row(String key) {
	}

	private final List<List<String>> queries = new ArrayList<>();

	private final List<String> lookups = new ArrayList<>();

	private final List<Row> saved = new ArrayList<>();

	private final LockedRows<String, Row> rows = new LockedRows<>(Row::key, this::findRow, this::saveRow);

	@BeforeEach
	void beginTransaction() {
		TransactionSynchronizationManager.initSynchronization();
	}

	@AfterEach
	void endTransaction() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			complete();
		}
	}

	@Test
	void aKeyTheBatchReadIsAnsweredWithoutAQueryWhetherItHasARowOrNot() {
		assertThat(this.rows.lock(List.of("a", "b"), this::lockRows)).containsExactly(new Row("a"));

		assertThat(this.rows.find("a")).contains(new Row("a"));
		assertThat(this.rows.find("b")).isEmpty();
		assertThat(this.queries).containsExactly(List.of("a", "b"));
		assertThat(this.lookups).isEmpty();
	}

	@Test
	void aKeyNotReadIsLookedUpOnceAndRemembered() {
		assertThat(this.rows.find("a")).contains(new Row("a"));
		assertThat(this.rows.find("a")).contains(new Row("a"));
		assertThat(this.rows.find("b")).isEmpty();
		assertThat(this.rows.find("b")).isEmpty();
		assertThat(this.lookups).containsExactly("a", "b");
	}

	@Test
	void aSecondReadQueriesOnlyTheKeysNotReadYet() {
		this.rows.lock(List.of("a", "b"), this::lockRows);
		this.rows.lock(List.of("b", "a"), this::lockRows);
		this.rows.lock(List.of("b", "c", "c"), this::lockRows);

		assertThat(this.queries).containsExactly(List.of("a", "b"), List.of("c"));
	}

	@Test
	void aRowTheTransactionStoresIsFoundThereafter() {
		this.rows.lock(List.of("b"), this::lockRows);
		this.rows.store(new Row("b"));

		assertThat(this.rows.find("b")).contains(new Row("b"));
		assertThat(this.saved).containsExactly(new Row("b"));
		assertThat(this.lookups).isEmpty();
	}

	@Test
	void eachTransactionAndEachTableHasItsOwnRowsDroppedWhenTheTransactionEnds() {
		LockedRows<String, Row> other = new LockedRows<>(Row::key, this::findRow, this::saveRow);
		this.rows.lock(List.of("a"), this::lockRows);

		assertThat(other.find("a")).contains(new Row("a"));
		assertThat(this.lookups).containsExactly("a");

		complete();
		assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
		TransactionSynchronizationManager.initSynchronization();
		assertThat(this.rows.find("a")).contains(new Row("a"));
		assertThat(this.lookups).containsExactly("a", "a");
	}

	/** A lock query: the row of "a" exists, no other. */
	private List<Row> lockRows(List<String> keys) {
		this.queries.add(List.copyOf(keys));
		return keys.stream().filter("a"::equals).map(Row::new).toList();
	}

	private Row saveRow(Row row) {
		this.saved.add(row);
		return row;
	}

	private Optional<Row> findRow(String key) {
		this.lookups.add(key);
		return Optional.of(key).filter("a"::equals).map(Row::new);
	}

	private static void complete() {
		List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
		TransactionSynchronizationManager.clearSynchronization();
		synchronizations.forEach((synchronization) -> synchronization.beforeCompletion());
		synchronizations
			.forEach((synchronization) -> synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
	}

}
