package dev.ordersaga.paymentservice.account;

import java.math.BigDecimal;

import dev.ordersaga.events.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer's account, held in one currency; its balance never goes below zero, and
 * money in another currency never enters or leaves it. {@code deposited} counts the money
 * put in through the API, so the balance can be checked against the charges.
 */
@Entity
@Table(name = "account")
public class Account {

	@Id
	@Column(name = "customer_id")
	private String customerId;

	@Column(nullable = false)
	private BigDecimal balance;

	@Column(nullable = false)
	private String currency;

	@Column(nullable = false)
	private BigDecimal deposited;

	protected Account() {
		this("", BigDecimal.ZERO, "");
	}

	public Account(String customerId, BigDecimal balance, String currency) {
		this.customerId = customerId;
		this.balance = balance;
		this.currency = currency;
		this.deposited = balance;
	}

	void replace(BigDecimal balance, String currency) {
		this.deposited = this.deposited.add(balance.subtract(this.balance));
		this.balance = balance;
		this.currency = currency;
	}

	public boolean holds(String currency) {
		return this.currency.equals(currency);
	}

	/** Whether the balance covers {@code amount}, which is in the account's currency. */
	public boolean canPay(Money amount) {
		return balanceMoney().isAtLeast(amount);
	}

	public void debit(Money amount) {
		if (!canPay(amount)) {
			throw new IllegalStateException("Balance of " + this.customerId + " is short of " + amount);
		}
		this.balance = balanceMoney().minus(amount).amount();
	}

	public void credit(Money amount) {
		this.balance = balanceMoney().plus(amount).amount();
	}

	/**
	 * The balance as money; {@link Money} refuses to add or compare it with another
	 * currency.
	 */
	private Money balanceMoney() {
		return new Money(this.balance, this.currency);
	}

	public String customerId() {
		return this.customerId;
	}

	public BigDecimal balance() {
		return this.balance;
	}

	public String currency() {
		return this.currency;
	}

	public BigDecimal deposited() {
		return this.deposited;
	}

}
