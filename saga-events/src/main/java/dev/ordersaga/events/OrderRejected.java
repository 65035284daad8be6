package dev.ordersaga.events;

/** Order-service rejected an order; whatever was reserved or charged is compensated. */
public record OrderRejected(OrderId orderId, String customerId, RejectionReason reason) implements SagaEvent {

	public OrderRejected {
		Require.present(orderId, "orderId");
		Require.text(customerId, "customerId");
		Require.present(reason, "reason");
	}

}
