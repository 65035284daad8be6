package dev.ordersaga.notificationservice.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.SagaEvent;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells customers the outcomes of their orders: stores one notification per order and
 * outcome, and delivers it once the transaction that stored it commits, so a rolled-back
 * attempt never reaches the customer.
 */
@Service
public class NotifyingCustomers {

	private final NotificationRepository notifications;

	private final NotificationChannel channel;

	private final Clock clock;

	NotifyingCustomers(NotificationRepository notifications, NotificationChannel channel, Clock clock) {
		this.notifications = notifications;
		this.channel = channel;
		this.clock = clock;
	}

	/**
	 * Reads in one query which outcomes of these events' orders were notified already
	 * (the inbox calls it before it hands the events over), instead of one query an
	 * event.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void beforeBatch(List<SagaEvent> events) {
		NotifiedOutcomes.ofCurrentTransaction()
			.read(events.stream().map((event) -> event.orderId().value()).toList(), this.notifications);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void orderConfirmed(OrderConfirmed order) {
		notify(order.orderId().value(), order.customerId(), NotificationKind.ORDER_CONFIRMED, "Your order "
				+ order.orderId() + " is confirmed: " + order.totalAmount() + " " + order.currency() + " charged.");
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void orderRejected(OrderRejected order) {
		notify(order.orderId().value(), order.customerId(), NotificationKind.ORDER_REJECTED,
				"Your order " + order.orderId() + " could not be completed (" + order.reason() + ").");
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void orderCancelled(OrderCancelled order) {
		notify(order.orderId().value(), order.customerId(), NotificationKind.ORDER_CANCELLED,
				"Your order " + order.orderId() + " is cancelled; anything charged is refunded.");
	}

	private void notify(UUID orderId, String customerId, NotificationKind kind, String message) {
		NotifiedOutcomes notified = NotifiedOutcomes.ofCurrentTransaction();
		notified.read(List.of(orderId), this.notifications);
		if (!notified.notifyOnce(orderId, kind)) {
			return;
		}
		Notification notification = this.notifications
			.save(new Notification(orderId, customerId, kind, message, this.clock.instant()));
		// delivered once the notification is saved, logged with the trace and the order
		// of the record that caused it
		@Nullable Map<String, String> logContext = MDC.getCopyOfContextMap();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				@Nullable Map<String, String> outer = MDC.getCopyOfContextMap();
				MDC.setContextMap((logContext != null) ? logContext : Map.of());
				try {
					NotifyingCustomers.this.channel.deliver(notification);
				}
				finally {
					MDC.setContextMap((outer != null) ? outer : Map.of());
				}
			}
		});
	}

}
