package dev.ordersaga.paymentservice.account;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** {@code PUT /accounts/{customerId}}: the account's balance. */
record AccountRequest(
		@Schema(example = "500.00") @NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal balance,
		@Schema(example = "EUR") @NotNull @Pattern(regexp = "[A-Z]{3}",
				message = "must be an ISO 4217 code such as EUR") String currency) {
}
