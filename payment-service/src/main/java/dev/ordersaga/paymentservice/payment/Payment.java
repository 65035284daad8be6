package dev.ordersaga.paymentservice.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.ordersaga.events.DeclineReason;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.Money;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.paymentservice.account.Account;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * What happened to one order's money, at most one per order, and the payment's side of
 * the saga. Each step takes the customer's account (locked by the caller) and returns the
 * event to emit, if any. The rules, in one place:
 * <ul>
 * <li>stock reserved: the total is taken from the account → CHARGED; or nothing is →
 * DECLINED, because the customer has no account ({@code UNKNOWN_CUSTOMER}), the account
 * is held in another currency than the total ({@code CURRENCY_MISMATCH}) or its balance
 * is short ({@code INSUFFICIENT_FUNDS});</li>
 * <li>order rejected or cancelled: CHARGED → REFUNDED, the charge goes back to the
 * account;</li>
 * <li>order rejected or cancelled before payment saw its reservation: a VOIDED mark, so
 * the late reservation is never charged.</li>
 * </ul>
 * Any other report (a duplicate, a refund of a declined, refunded or voided payment)
 * changes nothing and emits nothing.
 */
@Entity
@Table(name = "payment")
class Payment {

	/** What a void mark records in place of a currency: it moved no money. */
	private static final String NO_CURRENCY = "-";

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
		this(new UUID(0, 0), "", PaymentState.VOIDED, BigDecimal.ZERO, NO_CURRENCY, null, Instant.EPOCH);
	}

	private Payment(UUID orderId, String customerId, PaymentState status, BigDecimal amount, String currency,
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

	/**
	 * Charges a reservation's total to the customer's account, or declines it;
	 * {@code account} is empty when the customer has none.
	 */
	static Outcome charge(InventoryUpdated reservation, Optional<Account> account, Instant now) {
		Money total = reservation.total();
		Optional<DeclineReason> decline = whyNot(total, account);
		if (decline.isPresent()) {
			Payment declined = new Payment(reservation.orderId().value(), reservation.customerId(),
					PaymentState.DECLINED, total.amount(), total.currency(), decline.get(), now);
			return new Outcome(declined, PaymentCompleted.declined(reservation.orderId(), total, decline.get()));
		}
		account.orElseThrow().debit(total);
		Payment charged = new Payment(reservation.orderId().value(), reservation.customerId(), PaymentState.CHARGED,
				total.amount(), total.currency(), null, now);
		return new Outcome(charged, PaymentCompleted.charged(reservation.orderId(), total));
	}

	/**
	 * The order was rejected or cancelled before payment saw its reservation: a mark that
	 * it is never to be charged.
	 */
	static Payment voided(OrderId orderId, String customerId, Instant now) {
		return new Payment(orderId.value(), customerId, PaymentState.VOIDED, BigDecimal.ZERO, NO_CURRENCY, null, now);
	}

	/** A payment and the event that reports it. */
	record Outcome(Payment payment, PaymentCompleted event) {
	}

	/**
	 * The order was rejected or cancelled: a charge goes back to the account it was taken
	 * from; {@code account} is that account, empty when the customer has none.
	 */
	Optional<PaymentCompleted> refund(Optional<Account> account, Instant at) {
		if (this.status != PaymentState.CHARGED) {
			return Optional.empty(); // nothing was taken, or it was given back already
		}
		account.orElseThrow(() -> new IllegalStateException("Account " + this.customerId + " of a charge is gone"))
			.credit(money());
		this.status = PaymentState.REFUNDED;
		this.updatedAt = at;
		return Optional.of(PaymentCompleted.refunded(orderId(), money()));
	}

	private static Optional<DeclineReason> whyNot(Money total, Optional<Account> account) {
		if (account.isEmpty()) {
			return Optional.of(DeclineReason.UNKNOWN_CUSTOMER);
		}
		if (!account.get().holds(total.currency())) {
			return Optional.of(DeclineReason.CURRENCY_MISMATCH);
		}
		return account.get().canPay(total) ? Optional.empty() : Optional.of(DeclineReason.INSUFFICIENT_FUNDS);
	}

	private Money money() {
		return new Money(this.amount, this.currency);
	}

	OrderId orderId() {
		return new OrderId(this.orderId);
	}

	String customerId() {
		return this.customerId;
	}

	PaymentState status() {
		return this.status;
	}

	BigDecimal amount() {
		return this.amount;
	}

	String currency() {
		return this.currency;
	}

	@Nullable DeclineReason reason() {
		return this.reason;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

}
