package dev.ordersaga.paymentservice.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.ordersaga.events.DeclineReason;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/** What happened to one order's money; at most one per order. */
@Entity
@Table(name = "payment")
public class Payment {

	@Id
	@Column(name = "order_id")
	private UUID orderId;

	/**
	 * Empty until the row is stored, which tells Spring Data that a new entity with its
	 * id already assigned is to be inserted, not merged (a merge reads the row first).
	 */
	@Version
	private @Nullable Long version;

	@Column(name = "customer_id", nullable = false)
	private String customerId;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private PaymentState status;

	@Column(nullable = false)
	private BigDecimal amount;

	@Column(nullable = false)
	private String currency;

	@Enumerated(EnumType.STRING)
	private @Nullable DeclineReason reason;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected Payment() {
		this(new UUID(0, 0), "", PaymentState.VOIDED, BigDecimal.ZERO, "", null, Instant.EPOCH);
	}

	Payment(UUID orderId, String customerId, PaymentState status, BigDecimal amount, String currency,
			@Nullable DeclineReason reason, Instant now) {
		this.orderId = orderId;
		this.customerId = customerId;
		this.status = status;
		this.amount = amount;
		this.currency = currency;
		this.reason = reason;
		this.createdAt = now;
		this.updatedAt = now;
	}

	void refunded(Instant now) {
		this.status = PaymentState.REFUNDED;
		this.updatedAt = now;
	}

	public UUID orderId() {
		return this.orderId;
	}

	public String customerId() {
		return this.customerId;
	}

	public PaymentState status() {
		return this.status;
	}

	public BigDecimal amount() {
		return this.amount;
	}

	public String currency() {
		return this.currency;
	}

	public @Nullable DeclineReason reason() {
		return this.reason;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

}
