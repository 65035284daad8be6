package dev.ordersaga.inventoryservice.reservation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.inventoryservice.product.Product;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;

/**
 * The stock held for one order, at most one per order, and the inventory's side of the
 * saga. Each step takes the order's products (locked by the caller) and returns the event
 * to emit, if any. The rules, in one place:
 * <ul>
 * <li>order created: every line reserved at the catalog price → RESERVED (lines priced,
 * one total in the products' currency); or none → REJECTED, because a product is unknown
 * ({@code UNKNOWN_SKU}), the products are priced in more than one currency
 * ({@code MIXED_CURRENCIES}) or one is short ({@code OUT_OF_STOCK});</li>
 * <li>order confirmed: RESERVED → COMMITTED, the units leave stock;</li>
 * <li>order rejected or cancelled: RESERVED → RELEASED (units available again) or
 * COMMITTED → RELEASED (units put back);</li>
 * <li>order rejected or cancelled before it was created: a RELEASED mark without lines,
 * so the late order is never reserved.</li>
 * </ul>
 * Any other report (a duplicate, a late one, one for a rejected or released order)
 * changes nothing and emits nothing.
 */
@Entity
@Table(name = "reservation")
class Reservation {

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
	private ReservationStatus status;

	@Enumerated(EnumType.STRING)
	private @Nullable RejectionReason reason;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "reservation_line", joinColumns = @JoinColumn(name = "order_id"))
	private List<ReservedLine> lines = new ArrayList<>();

	protected Reservation() {
		this.orderId = new UUID(0, 0);
		this.customerId = "";
		this.status = ReservationStatus.RELEASED;
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	private Reservation(UUID orderId, String customerId, ReservationStatus status, @Nullable RejectionReason reason,
			List<ReservedLine> lines, Instant now) {
		this.orderId = orderId;
		this.customerId = customerId;
		this.status = status;
		this.reason = reason;
		this.lines = new ArrayList<>(lines);
		this.createdAt = now;
		this.updatedAt = now;
	}

	/**
	 * Reserves a new order's units, all or none. {@code products} holds the catalog's
	 * products among the order's skus, by sku; a sku missing from it is unknown.
	 */
	static Outcome reserve(OrderCreated order, Map<String, Product> products, Instant now) {
		UUID orderId = order.orderId().value();
		Map<String, Integer> wanted = unitsBySku(order.items());
		Optional<RejectionReason> rejection = whyNot(wanted, products);
		if (rejection.isPresent()) {
			Reservation rejected = new Reservation(orderId, order.customerId(), ReservationStatus.REJECTED,
					rejection.get(), List.of(), now);
			return new Outcome(rejected,
					InventoryUpdated.rejected(order.orderId(), order.customerId(), rejection.get()));
		}
		List<ReservedLine> lines = new ArrayList<>();
		wanted.forEach((sku, quantity) -> {
			Product product = Objects.requireNonNull(products.get(sku)); // whyNot found
																			// every sku
			product.reserve(quantity);
			lines.add(new ReservedLine(sku, quantity, product.unitPrice()));
		});
		Reservation reserved = new Reservation(orderId, order.customerId(), ReservationStatus.RESERVED, null, lines,
				now);
		String currency = Objects.requireNonNull(products.get(wanted.keySet().iterator().next())).currency();
		return new Outcome(reserved,
				InventoryUpdated.reserved(order.orderId(), order.customerId(), reserved.pricedLines(), currency));
	}

	/**
	 * The order was rejected or cancelled before it reached inventory: a mark that it is
	 * never to be reserved.
	 */
	static Reservation releasedBeforeReserved(OrderId orderId, String customerId, Instant now) {
		return new Reservation(orderId.value(), customerId, ReservationStatus.RELEASED, null, List.of(), now);
	}

	/** A reservation and the event that reports it. */
	record Outcome(Reservation reservation, InventoryUpdated event) {
	}

	/** The order was confirmed: its reserved units leave stock. */
	Optional<InventoryUpdated> commit(Map<String, Product> products, Instant at) {
		if (this.status != ReservationStatus.RESERVED) {
			return Optional.empty();
		}
		forEachLine(products, Product::commit);
		moveTo(ReservationStatus.COMMITTED, at);
		return Optional.of(InventoryUpdated.committed(orderId(), this.customerId, pricedLines()));
	}

	/**
	 * The order was rejected or cancelled: reserved units become available again,
	 * committed ones are put back.
	 */
	Optional<InventoryUpdated> release(Map<String, Product> products, Instant at) {
		switch (this.status) {
			case RESERVED -> forEachLine(products, Product::release);
			case COMMITTED -> forEachLine(products, Product::restock);
			case REJECTED, RELEASED -> {
				return Optional.empty(); // nothing held
			}
		}
		moveTo(ReservationStatus.RELEASED, at);
		return Optional.of(InventoryUpdated.released(orderId(), this.customerId, pricedLines()));
	}

	private void moveTo(ReservationStatus next, Instant at) {
		this.status = next;
		this.updatedAt = at;
	}

	private void forEachLine(Map<String, Product> products, StockChange change) {
		for (ReservedLine line : this.lines) {
			Product product = products.get(line.sku());
			if (product == null) {
				throw new IllegalStateException(
						"Product " + line.sku() + " of reservation " + this.orderId + " is gone");
			}
			change.apply(product, line.quantity());
		}
	}

	private static Map<String, Integer> unitsBySku(List<OrderLine> items) {
		Map<String, Integer> units = new TreeMap<>();
		items.forEach((item) -> units.merge(item.sku(), item.quantity(), Integer::sum));
		return units;
	}

	/**
	 * Why the order cannot be reserved, if it cannot. A mix of currencies is reported
	 * before a shortage: it is a fact of the catalog, not of the moment's stock.
	 */
	private static Optional<RejectionReason> whyNot(Map<String, Integer> wanted, Map<String, Product> products) {
		if (!products.keySet().containsAll(wanted.keySet())) {
			return Optional.of(RejectionReason.UNKNOWN_SKU);
		}
		long currencies = wanted.keySet()
			.stream()
			.map((sku) -> Objects.requireNonNull(products.get(sku)).currency())
			.distinct()
			.count();
		if (currencies > 1) {
			return Optional.of(RejectionReason.MIXED_CURRENCIES);
		}
		boolean isShort = wanted.entrySet()
			.stream()
			.anyMatch((entry) -> !Objects.requireNonNull(products.get(entry.getKey())).canReserve(entry.getValue()));
		return isShort ? Optional.of(RejectionReason.OUT_OF_STOCK) : Optional.empty();
	}

	OrderId orderId() {
		return new OrderId(this.orderId);
	}

	String customerId() {
		return this.customerId;
	}

	ReservationStatus status() {
		return this.status;
	}

	@Nullable RejectionReason reason() {
		return this.reason;
	}

	/** The skus whose units this reservation holds, or held. */
	Set<String> skus() {
		Set<String> skus = new TreeSet<>();
		this.lines.forEach((line) -> skus.add(line.sku()));
		return skus;
	}

	List<PricedLine> pricedLines() {
		return this.lines.stream().map(ReservedLine::toPricedLine).toList();
	}

	@FunctionalInterface
	private interface StockChange {

		void apply(Product product, int quantity);

	}

}
