package dev.ordersaga.paymentservice.account;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A customer's account; its balance never goes below zero. {@code deposited} counts the
 * money put in through the API, so the balance can be checked against the charges.
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

	public boolean canPay(BigDecimal amount, String currency) {
		return this.currency.equals(currency) && this.balance.compareTo(amount) >= 0;
	}

	public void debit(BigDecimal amount) {
		if (this.balance.compareTo(amount) < 0) {
			throw new IllegalStateException("Balance of " + this.customerId + " is short of " + amount);
		}
		this.balance = this.balance.subtract(amount);
	}

	public void credit(BigDecimal amount) {
		this.balance = this.balance.add(amount);
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
