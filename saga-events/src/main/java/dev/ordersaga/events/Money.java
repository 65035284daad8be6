package dev.ordersaga.events;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * An amount in one currency (an ISO 4217 code such as {@code EUR}). Amounts add up and
 * compare only within one currency: mixing two is a mistake that fails loudly instead of
 * producing a total that means nothing. Two amounts are equal when they are the same
 * number in the same currency, whatever their scale ({@code 25.0 EUR} is
 * {@code 25.00 EUR}).
 */
public record Money(BigDecimal amount, String currency) {

	private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

	public Money {
		Require.present(amount, "amount");
		if (!CURRENCY_CODE.matcher(Require.text(currency, "currency")).matches()) {
			throw new IllegalArgumentException("currency '" + currency + "' is not an ISO 4217 code such as EUR");
		}
	}

	public static Money of(String amount, String currency) {
		return new Money(new BigDecimal(amount), currency);
	}

	public static Money zero(String currency) {
		return new Money(BigDecimal.ZERO, currency);
	}

	public boolean isIn(String currency) {
		return this.currency.equals(currency);
	}

	public Money plus(Money other) {
		return new Money(this.amount.add(sameCurrency(other, "add").amount), this.currency);
	}

	public Money minus(Money other) {
		return new Money(this.amount.subtract(sameCurrency(other, "subtract").amount), this.currency);
	}

	public Money times(int factor) {
		return new Money(this.amount.multiply(BigDecimal.valueOf(factor)), this.currency);
	}

	public boolean isAtLeast(Money other) {
		return this.amount.compareTo(sameCurrency(other, "compare").amount) >= 0;
	}

	private Money sameCurrency(Money other, String operation) {
		if (!other.isIn(this.currency)) {
			throw new IllegalArgumentException(
					"Cannot " + operation + " " + other + " and " + this + ": the currencies differ");
		}
		return other;
	}

	@Override
	public boolean equals(Object other) {
		return (other instanceof Money money) && money.currency.equals(this.currency)
				&& money.amount.compareTo(this.amount) == 0;
	}

	@Override
	public int hashCode() {
		return 31 * this.currency.hashCode() + this.amount.stripTrailingZeros().hashCode();
	}

	@Override
	public String toString() {
		return this.amount.toPlainString() + " " + this.currency;
	}

}
