package dev.ordersaga.orderservice.order;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

	/** Waits until the order changes or the time is up. */
	void await(UUID orderId, Duration atMost) throws InterruptedException {
		CompletableFuture<Void> change = this.waiting.computeIfAbsent(orderId, (id) -> new CompletableFuture<>());
		try {
			change.get(atMost.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// time is up: forget the signal so the map does not grow; the caller re-reads
			this.waiting.remove(orderId, change);
		}
	}

	private void signal(UUID orderId) {
		CompletableFuture<Void> change = this.waiting.remove(orderId);
		if (change != null) {
			change.complete(null);
		}
	}

}
