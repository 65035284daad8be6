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
		LockedRows<String, Row> rows = LockedRows.ofCurrentTransaction(Row.class);
		rows.read(List.of("a", "b"), this::lockRows, Row::key);

		assertThat(rows.find("a", this::findRow)).contains(new Row("a"));
		assertThat(rows.find("b", this::findRow)).isEmpty();
		assertThat(this.queries).containsExactly(List.of("a", "b"));
		assertThat(this.lookups).isEmpty();
	}

	@Test
	void aKeyNotReadIsLookedUpOnceAndRemembered() {
		LockedRows<String, Row> rows = LockedRows.ofCurrentTransaction(Row.class);

		assertThat(rows.find("a", this::findRow)).contains(new Row("a"));
		assertThat(rows.find("a", this::findRow)).contains(new Row("a"));
		assertThat(rows.find("b", this::findRow)).isEmpty();
		assertThat(rows.find("b", this::findRow)).isEmpty();
		assertThat(this.lookups).containsExactly("a", "b");
	}

	@Test
	void aSecondReadQueriesOnlyTheKeysNotReadYet() {
		LockedRows<String, Row> rows = LockedRows.ofCurrentTransaction(Row.class);
		rows.read(List.of("a", "b"), this::lockRows, Row::key);
		rows.read(List.of("b", "a"), this::lockRows, Row::key);
		rows.read(List.of("b", "c", "c"), this::lockRows, Row::key);

		assertThat(this.queries).containsExactly(List.of("a", "b"), List.of("c"));
	}

	@Test
	void aRowTheTransactionAddsIsFoundThereafter() {
		LockedRows<String, Row> rows = LockedRows.ofCurrentTransaction(Row.class);
		rows.read(List.of("b"), this::lockRows, Row::key);
		rows.added("b", new Row("b"));

		assertThat(rows.find("b", this::findRow)).contains(new Row("b"));
		assertThat(this.lookups).isEmpty();
	}

	@Test
	void eachTransactionAndEachTypeHasItsOwnRowsDroppedWhenTheTransactionEnds() {
		LockedRows<String, Row> rows = LockedRows.ofCurrentTransaction(Row.class);
		rows.read(List.of("a"), this::lockRows, Row::key);

		assertThat(LockedRows.<String, Row>ofCurrentTransaction(Row.class)).isSameAs(rows);
		assertThat(LockedRows.<String, String>ofCurrentTransaction(String.class)).isNotSameAs(rows);

		complete();
		assertThat(TransactionSynchronizationManager.getResourceMap()).isEmpty();
		TransactionSynchronizationManager.initSynchronization();
		LockedRows<String, Row> next = LockedRows.ofCurrentTransaction(Row.class);
		assertThat(next).isNotSameAs(rows);
		assertThat(next.find("a", this::findRow)).contains(new Row("a"));
		assertThat(this.lookups).containsExactly("a");
	}

	/** A lock query: the row of "a" exists, no other. */
	private List<Row> lockRows(List<String> keys) {
		this.queries.add(List.copyOf(keys));
		return keys.stream().filter("a"::equals).map(Row::new).toList();
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
