package dev.ordersaga.events;

import java.time.Instant;
import java.util.List;

/** A customer placed an order; the saga starts here. */
public record OrderCreated(OrderId orderId, String customerId, List<OrderLine> items,
		Instant createdAt) implements SagaEvent {

	public OrderCreated {
		Require.present(orderId, "orderId");
		Require.text(customerId, "customerId");
		items = Require.nonEmpty(items, "items");
		Require.present(createdAt, "createdAt");
	}

}
