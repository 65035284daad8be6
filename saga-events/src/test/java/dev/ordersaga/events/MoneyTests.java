package dev.ordersaga.events;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Money adds up and compares within one currency, and refuses to mix two. */
class MoneyTests {

	private final OrderId orderId = OrderId.random();

	@Test
	void addsSubtractsAndMultipliesWithinOneCurrency() {
		Money price = Money.of("12.50", "EUR");
		assertThat(price.times(2).plus(Money.of("3.00", "EUR"))).isEqualTo(Money.of("28.00", "EUR"));
		assertThat(price.minus(Money.of("2.50", "EUR"))).isEqualTo(Money.of("10", "EUR"));
	}

	@Test
	void refusesToAddOrCompareAmountsInDifferentCurrencies() {
		Money euros = Money.of("10.00", "EUR");
		Money dollars = Money.of("10.00", "USD");
		assertThatIllegalArgumentException().isThrownBy(() -> euros.plus(dollars))
			.withMessage("Cannot add 10.00 USD and 10.00 EUR: the currencies differ");
		assertThatIllegalArgumentException().isThrownBy(() -> euros.minus(dollars));
		assertThatIllegalArgumentException().isThrownBy(() -> euros.isAtLeast(dollars));
	}

	@Test
	void isAtLeastAnAmountUpToItsOwn() {
		Money balance = Money.of("25.00", "EUR");
		assertThat(balance.isAtLeast(Money.of("24.99", "EUR"))).isTrue();
		assertThat(balance.isAtLeast(Money.of("25", "EUR"))).isTrue();
		assertThat(balance.isAtLeast(Money.of("25.01", "EUR"))).isFalse();
	}

	@Test
	void equalAmountsInTheSameCurrencyAreEqualWhateverTheirScale() {
		assertThat(Money.of("25.0", "EUR")).isEqualTo(Money.of("25.00", "EUR"))
			.hasSameHashCodeAs(Money.of("25.00", "EUR"))
			.isNotEqualTo(Money.of("25.00", "USD"));
	}

	@Test
	void needsAnAmountAndAnIsoCurrencyCode() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Money(null, "EUR")).withMessageContaining("amount");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", " ")).withMessageContaining("currency");
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", "euro"))
			.withMessageContaining("ISO 4217");
	}

	@Test
	void aReservationsTotalIsMoneyInItsCurrency() {
		PricedLine threeAtTwoFifty = new PricedLine("SKU-1", 3, new BigDecimal("2.50"));
		assertThat(threeAtTwoFifty.amountIn("USD")).isEqualTo(Money.of("7.50", "USD"));
		assertThat(InventoryUpdated.reserved(this.orderId, "c-1", List.of(threeAtTwoFifty), "USD").total())
			.isEqualTo(Money.of("7.50", "USD"));
	}

	@Test
	void onlyAReservationHasATotal() {
		InventoryUpdated rejected = InventoryUpdated.rejected(this.orderId, "c-1", RejectionReason.MIXED_CURRENCIES);
		assertThatIllegalStateException().isThrownBy(rejected::total).withMessageContaining("REJECTED");
	}

	@Test
	void aReservationWhoseCurrencyIsNoIsoCodeBreaksTheContract() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InventoryUpdated(this.orderId, "c-1", InventoryStatus.RESERVED, null,
					List.of(new PricedLine("SKU-1", 1, BigDecimal.TEN)), BigDecimal.TEN, "euro"))
			.withMessageContaining("ISO 4217");
	}

	@Test
	void aPaymentCarriesItsAmountAndCurrency() {
		Money total = Money.of("25.00", "EUR");
		assertThat(PaymentCompleted.charged(this.orderId, total))
			.isEqualTo(new PaymentCompleted(this.orderId, PaymentStatus.CHARGED, total.amount(), "EUR", null));
		assertThat(PaymentCompleted.declined(this.orderId, total, DeclineReason.CURRENCY_MISMATCH).reason())
			.isEqualTo(DeclineReason.CURRENCY_MISMATCH);
		assertThat(PaymentCompleted.refunded(this.orderId, total).status()).isEqualTo(PaymentStatus.REFUNDED);
	}

}
