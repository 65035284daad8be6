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

	public static PaymentCompleted charged(OrderId orderId, Money amount) {
		return new PaymentCompleted(orderId, PaymentStatus.CHARGED, amount.amount(), amount.currency(), null);
	}

	public static PaymentCompleted declined(OrderId orderId, Money amount, DeclineReason reason) {
		return new PaymentCompleted(orderId, PaymentStatus.DECLINED, amount.amount(), amount.currency(), reason);
	}

	public static PaymentCompleted refunded(OrderId orderId, Money amount) {
		return new PaymentCompleted(orderId, PaymentStatus.REFUNDED, amount.amount(), amount.currency(), null);
	}

}
