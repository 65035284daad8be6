package dev.ordersaga.paymentservice.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.ordersaga.events.DeclineReason;
import org.jspecify.annotations.Nullable;

/** A payment as the API shows it. */
record PaymentView(UUID orderId, String customerId, PaymentState status, BigDecimal amount, String currency,
		@Nullable DeclineReason reason, Instant createdAt, Instant updatedAt) {

	static PaymentView of(Payment payment) {
		return new PaymentView(payment.orderId().value(), payment.customerId(), payment.status(), payment.amount(),
				payment.currency(), payment.reason(), payment.createdAt(), payment.updatedAt());
	}

}
