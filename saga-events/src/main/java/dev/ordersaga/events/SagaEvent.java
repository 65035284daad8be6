package dev.ordersaga.events;

/**
 * An event of the order saga. Every event belongs to one order, and its order id is the
 * Kafka key, so all events of an order land on the same partition number of every topic.
 */
public sealed interface SagaEvent
		permits OrderCreated, InventoryUpdated, PaymentCompleted, OrderConfirmed, OrderRejected, OrderCancelled {

	OrderId orderId();

	/** The CloudEvents {@code ce_type} of this event; also the topic it travels on. */
	default String type() {
		return EventType.of(getClass()).type();
	}

}
