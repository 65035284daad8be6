package dev.ordersaga.paymentservice.payment;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A page of payments by order id; {@code next} is the {@code after} of the following
 * page.
 */
record PaymentPage(List<PaymentView> payments, @Nullable UUID next) {
}
