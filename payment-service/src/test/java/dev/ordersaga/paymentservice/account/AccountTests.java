package dev.ordersaga.paymentservice.account;

import java.math.BigDecimal;

import dev.ordersaga.events.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * An account's money rules: what it can pay, that it never goes below zero, and that
 * another currency never enters or leaves it.
 */
class AccountTests {

	@Test
	void canPayUpToItsBalanceInItsCurrency() {
		Account account = account("100.00");
		assertThat(account.canPay(euros("99.99"))).isTrue();
		assertThat(account.canPay(euros("100.00"))).isTrue();
		assertThat(account.canPay(euros("100.01"))).isFalse();
	}

	@Test
	void holdsOneCurrency() {
		assertThat(account("100.00").holds("EUR")).isTrue();
		assertThat(account("100.00").holds("USD")).isFalse();
	}

	@Test
	void refusesToWeighDebitOrCreditAnotherCurrency() {
		Account account = account("100.00");
		Money dollars = Money.of("1.00", "USD");
		assertThatIllegalArgumentException().isThrownBy(() -> account.canPay(dollars))
			.withMessageContaining("currencies differ");
		assertThatIllegalArgumentException().isThrownBy(() -> account.debit(dollars));
		assertThatIllegalArgumentException().isThrownBy(() -> account.credit(dollars));
		assertThat(account.balance()).isEqualByComparingTo("100.00");
	}

	@Test
	void debitingTakesTheAmountFromTheBalance() {
		Account account = account("100.00");
		account.debit(euros("25.50"));
		assertThat(account.balance()).isEqualByComparingTo("74.50");
	}

	@Test
	void debitingTheWholeBalanceLeavesZero() {
		Account account = account("25.00");
		account.debit(euros("25.00"));
		assertThat(account.balance()).isEqualByComparingTo("0");
	}

	@Test
	void refusesToDebitMoreThanTheBalanceAndTakesNothing() {
		Account account = account("10.00");
		assertThatIllegalStateException().isThrownBy(() -> account.debit(euros("10.01")))
			.withMessage("Balance of c-1 is short of 10.01 EUR");
		assertThat(account.balance()).isEqualByComparingTo("10.00");
	}

	@Test
	void creditingAddsTheAmountBack() {
		Account account = account("10.00");
		account.debit(euros("7.25"));
		account.credit(euros("7.25"));
		assertThat(account.balance()).isEqualByComparingTo("10.00");
	}

	@Test
	void replacingSetsTheBalanceAndCurrency() {
		Account account = account("10.00");
		account.replace(new BigDecimal("50.00"), "USD");
		assertThat(account.balance()).isEqualByComparingTo("50.00");
		assertThat(account.currency()).isEqualTo("USD");
		assertThat(account.canPay(Money.of("50.00", "USD"))).isTrue();
		assertThat(account.holds("EUR")).isFalse();
	}

	private static Money euros(String amount) {
		return Money.of(amount, "EUR");
	}

	private static Account account(String balance) {
		return new Account("c-1", new BigDecimal(balance), "EUR");
	}

}
