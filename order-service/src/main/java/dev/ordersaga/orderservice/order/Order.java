package dev.ordersaga.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.events.SagaEvent;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * An order and its side of the saga. Each method takes one report from the saga and
 * returns the event the order emits in answer, if any. The rules, in one place:
 * <ul>
 * <li>stock reserved: PENDING → RESERVED (lines priced); with a charge already kept,
 * decided at once as below;</li>
 * <li>stock rejected: PENDING → REJECTED with inventory's reason, emit
 * order.rejected;</li>
 * <li>payment charged: RESERVED → CONFIRMED, emit order.confirmed, when the charge is the
 * reserved total in its currency; otherwise → REJECTED (PAYMENT_MISMATCH), emit
 * order.rejected, which refunds the charge and releases the stock. A charge that overtook
 * its reservation (PENDING) is kept until the reservation's report prices the order;</li>
 * <li>payment declined: PENDING or RESERVED → REJECTED (PAYMENT_DECLINED), emit
 * order.rejected, which releases the stock;</li>
 * <li>deadline passed: PENDING or RESERVED → REJECTED (TIMEOUT), emit order.rejected,
 * which releases stock and refunds a charge;</li>
 * <li>cancel: PENDING, RESERVED or CONFIRMED → CANCELLED (CUSTOMER_REQUEST), emit
 * order.cancelled, which releases or restocks and refunds.</li>
 * </ul>
 * Any other report (a duplicate, a late one, one for a decided order) changes nothing:
 * compensation of a late charge is payment's job, triggered by the rejection it saw.
 */
@Entity
@Table(name = "orders")
class Order {

	@Id
	private UUID id;

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
	private OrderStatus status;

	@Convert(converter = OrderReasonColumn.class)
	private @Nullable OrderReason reason;

	@Column(name = "total_amount")
	private @Nullable BigDecimal totalAmount;

	private @Nullable String currency;

	/** A charge that came before the reservation's report, kept until it is checked. */
	@Column(name = "charged_amount")
	private @Nullable BigDecimal chargedAmount;

	@Column(name = "charged_currency")
	private @Nullable String chargedCurrency;

	@Column(name = "idempotency_key")
	private @Nullable String idempotencyKey;

	@Column(name = "request_hash")
	private @Nullable String requestHash;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@Column(name = "deadline_at", nullable = false)
	private Instant deadlineAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "line_no")
	private List<OrderLineItem> lines = new ArrayList<>();

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "order_status_change", joinColumns = @JoinColumn(name = "order_id"))
	@OrderColumn(name = "seq")
	private List<StatusChange> history = new ArrayList<>();

	protected Order() {
		this.id = new UUID(0, 0);
		this.customerId = "";
		this.status = OrderStatus.PENDING;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
		this.deadlineAt = Instant.EPOCH;
	}

	private Order(UUID id, String customerId, List<OrderLine> items, Instant now, Instant deadlineAt,
			@Nullable String idempotencyKey, @Nullable String requestHash) {
		this.id = id;
		this.customerId = customerId;
		this.status = OrderStatus.PENDING;
		this.createdAt = now;
		this.updatedAt = now;
		this.deadlineAt = deadlineAt;
		this.idempotencyKey = idempotencyKey;
		this.requestHash = requestHash;
		items.forEach((item) -> this.lines.add(new OrderLineItem(item.sku(), item.quantity())));
		this.history.add(new StatusChange(OrderStatus.PENDING, null, now));
	}

	/** Places a new order; the saga starts with the event this returns. */
	public static Placed place(String customerId, List<OrderLine> items, Instant now, Instant deadlineAt,
			@Nullable String idempotencyKey, @Nullable String requestHash) {
		Order order = new Order(UUID.randomUUID(), customerId, items, now, deadlineAt, idempotencyKey, requestHash);
		return new Placed(order, new OrderCreated(order.orderId(), customerId, List.copyOf(items), now));
	}

	/** A newly placed order and the event that starts its saga. */
	record Placed(Order order, OrderCreated event) {
	}

	/**
	 * Emits nothing: payment reacts to inventory's report itself, and the order only
	 * waits for the charge.
	 */
	public Optional<SagaEvent> stockReserved(List<PricedLine> priced, BigDecimal total, String currency, Instant at) {
		if (this.status == OrderStatus.PENDING) {
			applyPrices(priced, total, currency);
			moveTo(OrderStatus.RESERVED, null, at);
			BigDecimal charged = this.chargedAmount;
			String chargedIn = this.chargedCurrency;
			if (charged != null && chargedIn != null) {
				return Optional.of(decideCharge(charged, chargedIn, at));
			}
		}
		else if (this.status == OrderStatus.CONFIRMED && !isPriced()) {
			// confirmed by an overtaking charge before charges were kept: prices only
			applyPrices(priced, total, currency);
		}
		return Optional.empty();
	}

	public Optional<SagaEvent> stockRejected(RejectionReason reason, Instant at) {
		if (this.status != OrderStatus.PENDING) {
			return Optional.empty();
		}
		return Optional.of(reject(reason, at));
	}

	public Optional<SagaEvent> paymentCharged(BigDecimal amount, String currency, Instant at) {
		if (this.status.isDecided()) {
			return Optional.empty();
		}
		if (this.status == OrderStatus.PENDING) {
			// the charge overtook its reservation: checked once the reservation prices
			// the order
			this.chargedAmount = amount;
			this.chargedCurrency = currency;
			return Optional.empty();
		}
		return Optional.of(decideCharge(amount, currency, at));
	}

	/**
	 * A charge of a priced order: confirms it when it is the total, rejects it when not.
	 */
	private SagaEvent decideCharge(BigDecimal amount, String currency, Instant at) {
		BigDecimal total = this.totalAmount;
		if (total == null || total.compareTo(amount) != 0 || !currency.equals(this.currency)) {
			return reject(RejectionReason.PAYMENT_MISMATCH, at);
		}
		moveTo(OrderStatus.CONFIRMED, null, at);
		return new OrderConfirmed(orderId(), this.customerId, total, currency);
	}

	public Optional<SagaEvent> paymentDeclined(Instant at) {
		if (this.status.isDecided()) {
			return Optional.empty();
		}
		return Optional.of(reject(RejectionReason.PAYMENT_DECLINED, at));
	}

	public Optional<SagaEvent> deadlinePassed(Instant now) {
		if (this.status.isDecided() || now.isBefore(this.deadlineAt)) {
			return Optional.empty();
		}
		return Optional.of(reject(RejectionReason.TIMEOUT, now));
	}

	/**
	 * Cancels the order at the customer's request; fails when it is already rejected or
	 * cancelled.
	 */
	public SagaEvent cancel(Instant at) {
		if (this.status.isFinal()) {
			throw new OrderNotCancellableException(this.id, this.status);
		}
		moveTo(OrderStatus.CANCELLED, OrderReason.of(CancellationReason.CUSTOMER_REQUEST), at);
		return new OrderCancelled(orderId(), this.customerId, CancellationReason.CUSTOMER_REQUEST);
	}

	private OrderRejected reject(RejectionReason reason, Instant at) {
		moveTo(OrderStatus.REJECTED, OrderReason.of(reason), at);
		return new OrderRejected(orderId(), this.customerId, reason);
	}

	private void moveTo(OrderStatus next, @Nullable OrderReason why, Instant at) {
		this.status = next;
		this.reason = why;
		this.updatedAt = at;
		this.history.add(new StatusChange(next, why, at));
	}

	private void applyPrices(List<PricedLine> priced, BigDecimal total, String currency) {
		for (OrderLineItem line : this.lines) {
			priced.stream()
				.filter((p) -> p.sku().equals(line.sku()))
				.findFirst()
				.ifPresent((p) -> line.price(p.unitPrice()));
		}
		this.totalAmount = total;
		this.currency = currency;
	}

	private boolean isPriced() {
		return this.lines.stream().allMatch((line) -> line.unitPrice() != null);
	}

	public boolean isPlacedWith(String requestHash) {
		return requestHash.equals(this.requestHash);
	}

	public OrderId orderId() {
		return new OrderId(this.id);
	}

	public UUID id() {
		return this.id;
	}

	public String customerId() {
		return this.customerId;
	}

	public OrderStatus status() {
		return this.status;
	}

	public @Nullable OrderReason reason() {
		return this.reason;
	}

	public @Nullable BigDecimal totalAmount() {
		return this.totalAmount;
	}

	public @Nullable String currency() {
		return this.currency;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public List<OrderLineItem> lines() {
		return List.copyOf(this.lines);
	}

	public List<StatusChange> history() {
		return List.copyOf(this.history);
	}

}
