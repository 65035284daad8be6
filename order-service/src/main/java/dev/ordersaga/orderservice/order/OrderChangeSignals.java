package dev.ordersaga.orderservice.order;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes requests waiting on an order ({@code GET /orders/{id}?wait=}). A change this
 * instance commits wakes them at once; a decision another instance committed is found by
 * one query for all the waited-on orders together, every {@value #RECHECK_MILLIS} ms, so
 * a waiter costs no database read of its own while it waits. At most
 * {@code saga.order.waiting.max-requests} requests wait at once.
 */
@Component
class OrderChangeSignals {

	static final long RECHECK_MILLIS = 250;

	/** How many ids one recheck query carries at most. */
	private static final int RECHECK_CHUNK = 1_000;

	private final ConcurrentMap<UUID, Interest> waiting = new ConcurrentHashMap<>();

	private final Function<Collection<UUID>, List<UUID>> decided;

	private final Semaphore slots;

	private final int maxWaiting;

	@Autowired
	OrderChangeSignals(OrderRepository orders, OrderSettings settings) {
		this((ids) -> orders.findDecided(ids.toArray(UUID[]::new)), settings.waiting().maxRequests());
	}

	/**
	 * @param decided which of the given orders are decided
	 * @param maxWaiting how many requests may wait at once
	 */
	OrderChangeSignals(Function<Collection<UUID>, List<UUID>> decided, int maxWaiting) {
		this.decided = decided;
		this.maxWaiting = maxWaiting;
		this.slots = new Semaphore(maxWaiting);
	}

	/**
	 * Takes one of the waiting slots, or throws {@link TooManyWaitingRequestsException}
	 * when every one is taken; {@link #leave()} gives it back.
	 */
	void enter() {
		if (!this.slots.tryAcquire()) {
			throw new TooManyWaitingRequestsException(this.maxWaiting);
		}
	}

	void leave() {
		this.slots.release();
	}

	/** Signals waiters of the order once the current transaction commits. */
	void afterCommit(UUID orderId) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			signal(orderId);
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				signal(orderId);
			}
		});
	}

	/**
	 * The next change of the order, shared by everyone waiting on it. Taken before the
	 * order is read, so a change committed between the read and the wait is not missed;
	 * {@link #forget} it afterwards.
	 */
	CompletableFuture<Void> nextChange(UUID orderId) {
		return this.waiting.compute(orderId, (id, interest) -> {
			Interest shared = (interest != null) ? interest : new Interest();
			shared.waiters++;
			return shared;
		}).change;
	}

	/**
	 * One waiter is done with the change; the interest goes when no one waits on it any
	 * more, so the map does not grow.
	 */
	// the very change this waiter took, not an equal one
	@SuppressWarnings("ReferenceEquality")
	void forget(UUID orderId, CompletableFuture<Void> change) {
		this.waiting.computeIfPresent(orderId, (id, interest) -> {
			if (interest.change != change) {
				return interest;
			}
			interest.waiters--;
			return (interest.waiters > 0) ? interest : null;
		});
	}

	/** How many orders are waited on now. */
	int waitedOn() {
		return this.waiting.size();
	}

	/** Wakes the waiters of every waited-on order that is decided, whoever decided it. */
	@Scheduled(fixedDelay = RECHECK_MILLIS)
	void recheck() {
		if (this.waiting.isEmpty()) {
			return;
		}
		List<UUID> ids = List.copyOf(this.waiting.keySet());
		for (int from = 0; from < ids.size(); from += RECHECK_CHUNK) {
			this.decided.apply(ids.subList(from, Math.min(ids.size(), from + RECHECK_CHUNK))).forEach(this::signal);
		}
	}

	private void signal(UUID orderId) {
		Interest interest = this.waiting.remove(orderId);
		if (interest != null) {
			interest.change.complete(null);
		}
	}

	/**
	 * A change of one order and how many requests wait on it (changed only in the map's
	 * compute).
	 */
	private static final class Interest {

		private final CompletableFuture<Void> change = new CompletableFuture<>();

		private int waiters;

	}

}
