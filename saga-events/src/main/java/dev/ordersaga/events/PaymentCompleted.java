package dev.ordersaga.events;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

/** Payment charged, declined or refunded an order's total. */
public record PaymentCompleted(OrderId orderId, PaymentStatus status, BigDecimal amount, String currency,
		@Nullable DeclineReason reason) implements SagaEvent {

	public PaymentCompleted {
		Require.present(orderId, "orderId");
		Require.present(status, "status");
		Require.present(amount, "amount");
		Require.text(currency, "currency");
		if (status == PaymentStatus.DECLINED) {
			Require.present(reason, "reason");
		}
	}

}
