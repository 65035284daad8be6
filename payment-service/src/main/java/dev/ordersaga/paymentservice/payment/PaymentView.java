package dev.ordersaga.paymentservice.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.ordersaga.events.DeclineReason;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A payment as the API shows it. VOIDED payments are bookkeeping for events that came out
 * of order, and never shown.
 */
record PaymentView(@Schema(example = "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b") UUID orderId,
		@Schema(example = "c-1") String customerId, @Schema(allowableValues = {
				"CHARGED", "DECLINED", "REFUNDED" }) PaymentState status,
		@Schema(example = "25.00") BigDecimal amount, @Schema(example = "EUR") String currency,
		@Schema(description = "Why it was DECLINED") @Nullable DeclineReason reason, Instant createdAt,
		Instant updatedAt){

	static PaymentView of(Payment payment) {
		return new PaymentView(payment.orderId().value(), payment.customerId(), payment.status(), payment.amount(),
				payment.currency(), payment.reason(), payment.createdAt(), payment.updatedAt());
	}

}
