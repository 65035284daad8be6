package dev.ordersaga.orderservice.order;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes requests waiting on an order ({@code GET /orders/{id}?wait=}) when this instance
 * commits a change to it. Changes made by another instance are seen by the waiter's
 * periodic re-read.
 */
@Component
class OrderChangeSignals {

	private final ConcurrentMap<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

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
	 * The next change this instance commits to the order. Taken before the order is read,
	 * so a change committed between the read and the wait is not missed.
	 */
	CompletableFuture<Void> nextChange(UUID orderId) {
		return this.waiting.computeIfAbsent(orderId, (id) -> new CompletableFuture<>());
	}

	/** Drops interest in a change that did not come, so the map does not grow. */
	void forget(UUID orderId, CompletableFuture<Void> change) {
		this.waiting.remove(orderId, change);
	}

	private void signal(UUID orderId) {
		CompletableFuture<Void> change = this.waiting.remove(orderId);
		if (change != null) {
			change.complete(null);
		}
	}

}
