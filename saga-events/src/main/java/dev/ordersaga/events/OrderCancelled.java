package dev.ordersaga.events;

/**
 * The customer cancelled an order; whatever was reserved, committed or charged is
 * compensated.
 */
public record OrderCancelled(OrderId orderId, String customerId, CancellationReason reason) implements SagaEvent {

	public OrderCancelled {
		Require.present(orderId, "orderId");
		Require.text(customerId, "customerId");
		Require.present(reason, "reason");
	}

}
