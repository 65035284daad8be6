package dev.ordersaga.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * Every event type of the saga with its record class and the one service that publishes
 * it. The CloudEvents {@code ce_type} of an event is also the name of the topic it
 * travels on, and its {@code ce_source} is that service's name.
 */
public enum EventType {

	ORDER_CREATED(Topics.ORDER_CREATED, OrderCreated.class, Services.ORDER),
	INVENTORY_UPDATED(Topics.INVENTORY_UPDATED, InventoryUpdated.class, Services.INVENTORY),
	PAYMENT_COMPLETED(Topics.PAYMENT_COMPLETED, PaymentCompleted.class, Services.PAYMENT),
	ORDER_CONFIRMED(Topics.ORDER_CONFIRMED, OrderConfirmed.class, Services.ORDER),
	ORDER_REJECTED(Topics.ORDER_REJECTED, OrderRejected.class, Services.ORDER),
	ORDER_CANCELLED(Topics.ORDER_CANCELLED, OrderCancelled.class, Services.ORDER);

	private final String type;

	private final Class<? extends SagaEvent> recordClass;

	private final String producer;

	EventType(String type, Class<? extends SagaEvent> recordClass, String producer) {
		this.type = type;
		this.recordClass = recordClass;
		this.producer = producer;
	}

	/** The service that publishes events of this type: their {@code ce_source}. */
	public String producer() {
		return this.producer;
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
