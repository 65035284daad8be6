package dev.ordersaga.paymentservice.account;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/** An account as the API shows it. */
record AccountView(@Schema(example = "c-1") String customerId, @Schema(example = "475.00") BigDecimal balance,
		@Schema(example = "EUR") String currency,
		@Schema(description = "Money put in through the API", example = "500.00") BigDecimal deposited) {

	static AccountView of(Account account) {
		return new AccountView(account.customerId(), account.balance(), account.currency(), account.deposited());
	}

}
