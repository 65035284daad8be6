package dev.ordersaga.paymentservice.account;

import java.math.BigDecimal;

/** An account as the API shows it. */
record AccountView(String customerId, BigDecimal balance, String currency, BigDecimal deposited) {

	static AccountView of(Account account) {
		return new AccountView(account.customerId(), account.balance(), account.currency(), account.deposited());
	}

}
