package dev.ordersaga.inventoryservice.reservation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.inventoryservice.product.Product;
import dev.ordersaga.inventoryservice.product.ProductRepository;
import dev.ordersaga.messaging.outbox.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's side of the saga. Runs inside the consumer's transaction, so a stock
 * change, the reservation's state, the event reporting it and the record of the event
 * being processed commit together. The handlers run after {@link #lockStockFor} locked
 * the rows of their batch (the inbox calls it first), and read those rows by id.
 * <ul>
 * <li>order created: reserve every line or none → RESERVED (priced) or REJECTED;</li>
 * <li>order confirmed: the reserved units leave stock → COMMITTED;</li>
 * <li>order rejected or cancelled: reserved units are released, committed ones put back →
 * RELEASED; when the order has not arrived yet, it is marked so that it is never
 * reserved.</li>
 * </ul>
 */
@Service
public class ReservingStock {

	private final ReservationRepository reservations;

	private final ProductRepository products;

	private final Outbox outbox;

	private final Clock clock = Clock.systemUTC();

	ReservingStock(ReservationRepository reservations, ProductRepository products, Outbox outbox) {
		this.reservations = reservations;
		this.products = products;
		this.outbox = outbox;
	}

	/**
	 * Locks, before any of these events is handled, every row they will change: the
	 * reservations of the decided orders (in order id order), then the products of the
	 * new orders and of those reservations (in sku order). Batches on two consumer
	 * threads (or two instances) then never wait for each other in opposite orders, which
	 * would deadlock, and the handlers below find every locked row in the persistence
	 * context instead of querying for it again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockStockFor(List<SagaEvent> events) {
		Set<String> skus = new TreeSet<>();
		List<UUID> decided = new ArrayList<>();
		for (SagaEvent event : events) {
			switch (event) {
				case OrderCreated created -> created.items().forEach((item) -> skus.add(item.sku()));
				case OrderConfirmed confirmed -> decided.add(confirmed.orderId().value());
				case OrderRejected rejected -> decided.add(rejected.orderId().value());
				case OrderCancelled cancelled -> decided.add(cancelled.orderId().value());
				default -> {
					// changes no stock
				}
			}
		}
		if (!decided.isEmpty()) {
			this.reservations.findAllForUpdate(decided)
				.forEach((reservation) -> reservation.lines().forEach((line) -> skus.add(line.sku())));
		}
		if (!skus.isEmpty()) {
			this.products.findAllForUpdate(skus);
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void reserve(OrderCreated order) {
		UUID orderId = order.orderId().value();
		if (this.reservations.findById(orderId).isPresent()) {
			return; // reserved already, or compensated before it arrived
		}
		Instant now = this.clock.instant();
		Map<String, Integer> wanted = unitsBySku(order.items());
		Map<String, Product> found = lockedProducts(wanted.keySet()).stream()
			.collect(Collectors.toMap(Product::sku, Function.identity()));
		Optional<RejectionReason> rejection = whyNot(wanted, found);
		if (rejection.isPresent()) {
			this.reservations.save(Reservation.rejected(orderId, order.customerId(), rejection.get(), now));
			this.outbox.publish(InventoryUpdated.rejected(order.orderId(), order.customerId(), rejection.get()));
			return;
		}
		List<ReservedLine> lines = new ArrayList<>();
		wanted.forEach((sku, quantity) -> {
			Product product = Objects.requireNonNull(found.get(sku));
			product.reserve(quantity);
			lines.add(new ReservedLine(sku, quantity, product.unitPrice()));
		});
		Reservation reservation = this.reservations.save(Reservation.reserved(orderId, order.customerId(), lines, now));
		String currency = Objects.requireNonNull(found.get(wanted.keySet().iterator().next())).currency();
		this.outbox.publish(
				InventoryUpdated.reserved(order.orderId(), order.customerId(), reservation.pricedLines(), currency));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void commit(OrderId orderId) {
		this.reservations.findById(orderId.value())
			.filter((reservation) -> reservation.status() == ReservationStatus.RESERVED)
			.ifPresent((reservation) -> {
				forEachLine(reservation, Product::commit);
				reservation.moveTo(ReservationStatus.COMMITTED, this.clock.instant());
				this.outbox
					.publish(InventoryUpdated.committed(orderId, reservation.customerId(), reservation.pricedLines()));
			});
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void release(OrderId orderId, String customerId) {
		Optional<Reservation> found = this.reservations.findById(orderId.value());
		if (found.isEmpty()) {
			this.reservations
				.save(Reservation.releasedBeforeReserved(orderId.value(), customerId, this.clock.instant()));
			return;
		}
		Reservation reservation = found.get();
		switch (reservation.status()) {
			case RESERVED -> forEachLine(reservation, Product::release);
			case COMMITTED -> forEachLine(reservation, Product::restock);
			case REJECTED, RELEASED -> {
				return; // nothing held
			}
		}
		reservation.moveTo(ReservationStatus.RELEASED, this.clock.instant());
		this.outbox.publish(InventoryUpdated.released(orderId, reservation.customerId(), reservation.pricedLines()));
	}

	private void forEachLine(Reservation reservation, StockChange change) {
		Map<String, Integer> units = new TreeMap<>();
		reservation.lines().forEach((line) -> units.merge(line.sku(), line.quantity(), Integer::sum));
		for (Product product : lockedProducts(units.keySet())) {
			change.apply(product, Objects.requireNonNull(units.get(product.sku())));
		}
	}

	/**
	 * The products, as {@link #lockStockFor} locked them: read from the persistence
	 * context, without a query (an unknown sku is looked up, and not found).
	 */
	private List<Product> lockedProducts(Collection<String> skus) {
		return skus.stream().map(this.products::findById).flatMap(Optional::stream).toList();
	}

	private static Map<String, Integer> unitsBySku(List<OrderLine> items) {
		Map<String, Integer> units = new TreeMap<>();
		items.forEach((item) -> units.merge(item.sku(), item.quantity(), Integer::sum));
		return units;
	}

	private static Optional<RejectionReason> whyNot(Map<String, Integer> wanted, Map<String, Product> found) {
		if (!found.keySet().containsAll(wanted.keySet())) {
			return Optional.of(RejectionReason.UNKNOWN_SKU);
		}
		boolean isShort = wanted.entrySet()
			.stream()
			.anyMatch((entry) -> !Objects.requireNonNull(found.get(entry.getKey())).canReserve(entry.getValue()));
		return isShort ? Optional.of(RejectionReason.OUT_OF_STOCK) : Optional.empty();
	}

	@FunctionalInterface
	private interface StockChange {

		void apply(Product product, int quantity);

	}

}
