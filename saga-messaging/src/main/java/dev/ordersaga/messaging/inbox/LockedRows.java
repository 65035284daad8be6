package dev.ordersaga.messaging.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rows of one table that the current transaction read by key, and the keys it found
 * no row for. A handler's {@link EventHandler#beforeBatch} locks the rows of the whole
 * batch in one query ({@link #lock}); each event then finds its row here, or learns that
 * there is none, without a query of its own (a row that is not there is the common case:
 * the reservation or payment a new order is about to get). What was read is bound to the
 * transaction, as the outbox's pending rows are, and dropped when it ends; an inner
 * transaction that suspends it keeps its own. One instance serves every transaction: a
 * service keeps it beside its repository.
 *
 * @param <K> the key
 * @param <R> the row, a managed entity
 */
public final class LockedRows<K, R> {

	private final Function<R, K> keyOf;

	private final Function<K, Optional<R>> find;

	private final UnaryOperator<R> save;

	/**
	 * @param keyOf a row's key
	 * @param find one row by key, for a key no lock read (the repository's
	 * {@code findById})
	 * @param save stores a new row (the repository's {@code save})
	 */
	public LockedRows(Function<R, K> keyOf, Function<K, Optional<R>> find, UnaryOperator<R> save) {
		this.keyOf = keyOf;
		this.find = find;
		this.save = save;
	}

	/**
	 * Reads, with one call of {@code query} (a locking query, ordered by key), the rows
	 * of those keys the transaction has not read yet, and remembers the keys it returns
	 * no row for; returns the rows of all these keys.
	 */
	public List<R> lock(Collection<K> keys, Function<List<K>, List<R>> query) {
		Read<K, R> read = read();
		List<K> unread = new ArrayList<>();
		for (K key : keys) {
			if (read.keys.add(key)) {
				unread.add(key);
			}
		}
		if (!unread.isEmpty()) {
			query.apply(unread).forEach((row) -> read.rows.put(this.keyOf.apply(row), row));
		}
		return new LinkedHashSet<>(keys).stream().map(read.rows::get).filter(Objects::nonNull).toList();
	}

	/**
	 * The row of this key: as {@link #lock} found it (or found none), or else looked up,
	 * one query, and remembered too.
	 */
	public Optional<R> find(K key) {
		Read<K, R> read = read();
		if (read.keys.add(key)) {
			this.find.apply(key).ifPresent((row) -> read.rows.put(key, row));
		}
		return Optional.ofNullable(read.rows.get(key));
	}

	/** Stores a new row, and remembers it under its key, which had none. */
	public R store(R row) {
		R saved = this.save.apply(row);
		K key = this.keyOf.apply(saved);
		Read<K, R> read = read();
		read.keys.add(key);
		read.rows.put(key, saved);
		return saved;
	}

	/**
	 * The current transaction's, bound to it on first use and dropped when it ends
	 * (Spring's resource holder synchronization).
	 */
	@SuppressWarnings("unchecked")
	private Read<K, R> read() {
		if (TransactionSynchronizationManager.getResource(this) instanceof Read<?, ?> bound) {
			return (Read<K, R>) bound;
		}
		Read<K, R> read = new Read<>();
		TransactionSynchronizationManager.bindResource(this, read);
		TransactionSynchronizationManager.registerSynchronization(new ResourceHolderSynchronization<>(read, this) {
		});
		return read;
	}

	/** What one transaction read: the keys, and the rows of those that have one. */
	private static final class Read<K, R> extends ResourceHolderSupport {

		private final Set<K> keys = new HashSet<>();

		private final Map<K, R> rows = new HashMap<>();

	}

}
