package dev.ordersaga.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the saga with its record class. The CloudEvents {@code ce_type} of
 * an event is also the name of the topic it travels on.
 */
public enum EventType {

	ORDER_CREATED(Topics.ORDER_CREATED, OrderCreated.class),
	INVENTORY_UPDATED(Topics.INVENTORY_UPDATED, InventoryUpdated.class),
	PAYMENT_COMPLETED(Topics.PAYMENT_COMPLETED, PaymentCompleted.class),
	ORDER_CONFIRMED(Topics.ORDER_CONFIRMED, OrderConfirmed.class),
	ORDER_REJECTED(Topics.ORDER_REJECTED, OrderRejected.class),
	ORDER_CANCELLED(Topics.ORDER_CANCELLED, OrderCancelled.class);

	private final String type;

	private final Class<? extends SagaEvent> recordClass;

	EventType(String type, Class<? extends SagaEvent> recordClass) {
		this.type = type;
		this.recordClass = recordClass;
	}

	public String type() {
		return this.type;
	}

	public String topic() {
		return this.type;
	}

	public Class<? extends SagaEvent> recordClass() {
		return this.recordClass;
	}

	public static Optional<EventType> fromType(String type) {
		return Arrays.stream(values()).filter((candidate) -> candidate.type.equals(type)).findFirst();
	}

	public static EventType of(Class<? extends SagaEvent> recordClass) {
		return Arrays.stream(values())
			.filter((candidate) -> candidate.recordClass.equals(recordClass))
			.findFirst()
			.orElseThrow();
	}

}
