package dev.ordersaga.inventoryservice.reservation;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.inventoryservice.product.Product;
import dev.ordersaga.inventoryservice.product.ProductRepository;
import dev.ordersaga.messaging.inbox.LockedRows;
import dev.ordersaga.messaging.outbox.Outbox;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory's side of the saga, as the listener calls it: loads the reservation and
 * its products, lets the {@link Reservation} apply its rules, stores it and publishes
 * what it emits through the outbox. Runs inside the consumer's transaction, so a stock
 * change, the reservation's state, the event reporting it and the record of the event
 * being processed commit together. The handlers run after {@link #lockStockFor} locked
 * the rows of their batch (the inbox calls it first), and read those rows by id: a
 * reservation from what the lock found ({@link LockedRows}), a product from the
 * persistence context.
 */
@Service
public class ReservingStock {

	private final ReservationRepository reservations;

	private final ProductRepository products;

	private final Outbox outbox;

	private final Clock clock;

	/** The reservations {@link #lockStockFor} read, found or not, per transaction. */
	private final LockedRows<UUID, Reservation> lockedReservations;

	ReservingStock(ReservationRepository reservations, ProductRepository products, Outbox outbox, Clock clock) {
		this.reservations = reservations;
		this.lockedReservations = new LockedRows<>((reservation) -> reservation.orderId().value(),
				reservations::findById, reservations::save);
		this.products = products;
		this.outbox = outbox;
		this.clock = clock;
	}

	/**
	 * Locks, before any of these events is handled, every row they will change: the
	 * reservations of their orders (in order id order; a new order's is usually not there
	 * yet, and the handlers then know so without a query of their own), then the products
	 * of the new orders and of those reservations (in sku order). Batches on two consumer
	 * threads (or two instances) then never wait for each other in opposite orders, which
	 * would deadlock, and the handlers below find every locked row without querying for
	 * it again.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockStockFor(List<SagaEvent> events) {
		StockLocks locks = StockLocks.of(events);
		List<Reservation> found = this.lockedReservations.lock(locks.orders(),
				(orderIds) -> this.reservations.findAllForUpdate(orderIds.toArray(UUID[]::new)));
		Set<String> skus = locks.skusWith(found);
		if (!skus.isEmpty()) {
			this.products.findAllForUpdate(skus.toArray(String[]::new));
		}
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void reserve(OrderCreated order) {
		if (this.lockedReservations.find(order.orderId().value()).isPresent()) {
			return; // reserved already, or compensated before it arrived
		}
		Set<String> skus = new TreeSet<>();
		order.items().forEach((item) -> skus.add(item.sku()));
		Reservation.Outcome outcome = Reservation.reserve(order, lockedProducts(skus), this.clock.instant());
		this.lockedReservations.store(outcome.reservation());
		this.outbox.publish(outcome.event());
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void commit(OrderId orderId) {
		this.lockedReservations.find(orderId.value())
			.flatMap((reservation) -> reservation.commit(lockedProducts(reservation.skus()), this.clock.instant()))
			.ifPresent(this.outbox::publish);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void release(OrderId orderId, String customerId) {
		Optional<Reservation> found = this.lockedReservations.find(orderId.value());
		if (found.isEmpty()) {
			this.lockedReservations
				.store(Reservation.releasedBeforeReserved(orderId, customerId, this.clock.instant()));
			return;
		}
		Reservation reservation = found.get();
		reservation.release(lockedProducts(reservation.skus()), this.clock.instant()).ifPresent(this.outbox::publish);
	}

	/**
	 * The products, by sku, as {@link #lockStockFor} locked them: read from the
	 * persistence context, without a query (an unknown sku is looked up, and not found).
	 */
	private Map<String, Product> lockedProducts(Collection<String> skus) {
		return skus.stream()
			.map(this.products::findById)
			.flatMap(Optional::stream)
			.collect(Collectors.toMap(Product::sku, Function.identity()));
	}

}
