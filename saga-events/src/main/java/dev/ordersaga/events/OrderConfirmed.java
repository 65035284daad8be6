package dev.ordersaga.events;

import java.math.BigDecimal;

/** Order-service confirmed an order: stock is reserved and the money charged. */
public record OrderConfirmed(OrderId orderId, String customerId, BigDecimal totalAmount,
		String currency) implements SagaEvent {

	public OrderConfirmed {
		Require.present(orderId, "orderId");
		Require.text(customerId, "customerId");
		Require.present(totalAmount, "totalAmount");
		Require.text(currency, "currency");
	}

}
