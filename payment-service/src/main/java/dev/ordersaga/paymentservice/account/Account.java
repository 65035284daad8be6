package dev.ordersaga.paymentservice.account;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A customer's account; its balance never goes below zero. */
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

	protected Account() {
		this("", BigDecimal.ZERO, "");
	}

	public Account(String customerId, BigDecimal balance, String currency) {
		this.customerId = customerId;
		this.balance = balance;
		this.currency = currency;
	}

	void replace(BigDecimal balance, String currency) {
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

}
