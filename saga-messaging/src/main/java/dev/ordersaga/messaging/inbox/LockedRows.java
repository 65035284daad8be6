package dev.ordersaga.messaging.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rows of one table that a transaction read by key, and the keys it found no row for.
 * A handler's {@link EventHandler#beforeBatch} locks the rows of the whole batch in one
 * query; each event then finds its row here, or learns that there is none, without a
 * query of its own (a row that is not there is the common case: the reservation or
 * payment a new order is about to get). Bound to the transaction, as the outbox's pending
 * rows are, and dropped when it ends; an inner transaction that suspends it keeps its
 * own.
 *
 * @param <K> the key
 * @param <R> the row, a managed entity
 */
public final class LockedRows<K, R> extends ResourceHolderSupport {

	private record Binding(Class<?> type) {
	}

	private final Map<K, R> rows = new HashMap<>();

	private final Set<K> read = new HashSet<>();

	private LockedRows() {
	}

	/**
	 * The current transaction's rows of this type, bound to it on first use and dropped
	 * when it ends (Spring's resource holder synchronization).
	 */
	@SuppressWarnings("unchecked")
	public static <K, R> LockedRows<K, R> ofCurrentTransaction(Class<R> type) {
		Binding binding = new Binding(type);
		if (TransactionSynchronizationManager.getResource(binding) instanceof LockedRows<?, ?> bound) {
			return (LockedRows<K, R>) bound;
		}
		LockedRows<K, R> rows = new LockedRows<>();
		TransactionSynchronizationManager.bindResource(binding, rows);
		TransactionSynchronizationManager.registerSynchronization(new ResourceHolderSynchronization<>(rows, binding) {
		});
		return rows;
	}

	/**
	 * Reads, with one call of {@code query}, the rows of those keys not read yet, and
	 * remembers the keys it returns no row for.
	 */
	public void read(Collection<K> keys, Function<List<K>, List<R>> query, Function<R, K> keyOf) {
		List<K> unread = new ArrayList<>();
		for (K key : keys) {
			if (this.read.add(key)) {
				unread.add(key);
			}
		}
		if (!unread.isEmpty()) {
			query.apply(unread).forEach((row) -> this.rows.put(keyOf.apply(row), row));
		}
	}

	/**
	 * The row of this key: as {@link #read} found it (or found none), or else from
	 * {@code find}, one query, remembered too.
	 */
	public Optional<R> find(K key, Function<K, Optional<R>> find) {
		if (this.read.add(key)) {
			find.apply(key).ifPresent((row) -> this.rows.put(key, row));
		}
		return Optional.ofNullable(this.rows.get(key));
	}

	/** Remembers a row this transaction stores under a key that had none. */
	public void added(K key, R row) {
		this.read.add(key);
		this.rows.put(key, row);
	}

}
