package dev.ordersaga.paymentservice.account;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** An account's money rules: what it can pay, and that it never goes below zero. */
class AccountTests {

	@Test
	void canPayUpToItsBalanceInItsCurrency() {
		Account account = account("100.00");
		assertThat(account.canPay(new BigDecimal("99.99"), "EUR")).isTrue();
		assertThat(account.canPay(new BigDecimal("100.00"), "EUR")).isTrue();
		assertThat(account.canPay(new BigDecimal("100.01"), "EUR")).isFalse();
	}

	@Test
	void cannotPayInAnotherCurrency() {
		assertThat(account("100.00").canPay(new BigDecimal("1.00"), "USD")).isFalse();
	}

	@Test
	void debitingTakesTheAmountFromTheBalance() {
		Account account = account("100.00");
		account.debit(new BigDecimal("25.50"));
		assertThat(account.balance()).isEqualByComparingTo("74.50");
	}

	@Test
	void debitingTheWholeBalanceLeavesZero() {
		Account account = account("25.00");
		account.debit(new BigDecimal("25.00"));
		assertThat(account.balance()).isEqualByComparingTo("0");
	}

	@Test
	void refusesToDebitMoreThanTheBalanceAndTakesNothing() {
		Account account = account("10.00");
		assertThatIllegalStateException().isThrownBy(() -> account.debit(new BigDecimal("10.01")))
			.withMessageContaining("c-1");
		assertThat(account.balance()).isEqualByComparingTo("10.00");
	}

	@Test
	void creditingAddsTheAmountBack() {
		Account account = account("10.00");
		account.debit(new BigDecimal("7.25"));
		account.credit(new BigDecimal("7.25"));
		assertThat(account.balance()).isEqualByComparingTo("10.00");
	}

	@Test
	void replacingSetsTheBalanceAndCurrency() {
		Account account = account("10.00");
		account.replace(new BigDecimal("50.00"), "USD");
		assertThat(account.balance()).isEqualByComparingTo("50.00");
		assertThat(account.currency()).isEqualTo("USD");
		assertThat(account.canPay(new BigDecimal("50.00"), "USD")).isTrue();
		assertThat(account.canPay(new BigDecimal("1.00"), "EUR")).isFalse();
	}

	private static Account account(String balance) {
		return new Account("c-1", new BigDecimal(balance), "EUR");
	}

}
