package dev.ordersaga.notificationservice.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The outcomes a transaction knows to be notified already: those of the orders it read,
 * and those it notifies itself. Bound to the transaction, so a batch of events asks the
 * database once, not once an event, and a second event of the same outcome in one batch
 * is skipped too; an inner transaction that suspends it keeps its own (as the outbox's
 * pending rows do). The unique key on {@code (order_id, kind)} stays the guarantee.
 */
final class NotifiedOutcomes extends ResourceHolderSupport {

	private record Outcome(UUID orderId, NotificationKind kind) {
	}

	private final Set<UUID> ordersRead = new HashSet<>();

	private final Set<Outcome> notified = new HashSet<>();

	private NotifiedOutcomes() {
	}

	/**
	 * The current transaction's, bound to it on first use and dropped when it ends
	 * (Spring's resource holder synchronization, as the outbox's pending rows).
	 */
	static NotifiedOutcomes ofCurrentTransaction() {
		if (TransactionSynchronizationManager
			.getResource(NotifiedOutcomes.class) instanceof NotifiedOutcomes outcomes) {
			return outcomes;
		}
		NotifiedOutcomes outcomes = new NotifiedOutcomes();
		TransactionSynchronizationManager.bindResource(NotifiedOutcomes.class, outcomes);
		TransactionSynchronizationManager
			.registerSynchronization(new ResourceHolderSynchronization<>(outcomes, NotifiedOutcomes.class) {
			});
		return outcomes;
	}

	/** Reads, in one query, the notifications of those orders not read yet. */
	void read(Collection<UUID> orderIds, NotificationRepository notifications) {
		List<UUID> unread = new ArrayList<>();
		for (UUID orderId : orderIds) {
			if (this.ordersRead.add(orderId)) {
				unread.add(orderId);
			}
		}
		if (!unread.isEmpty()) {
			for (Notification notification : notifications.findAllForOrders(unread.toArray(UUID[]::new))) {
				this.notified.add(new Outcome(notification.orderId(), notification.kind()));
			}
		}
	}

	/**
	 * Records the outcome as notified; {@code false} when it was already, {@code true}
	 * the first time. The order must have been {@link #read read}.
	 */
	boolean notifyOnce(UUID orderId, NotificationKind kind) {
		return this.notified.add(new Outcome(orderId, kind));
	}

}
