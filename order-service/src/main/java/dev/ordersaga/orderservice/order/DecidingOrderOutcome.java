package dev.ordersaga.orderservice.order;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import dev.ordersaga.events.InventoryStatus;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.PaymentStatus;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns what inventory and payment report into the order's outcome. Runs inside the
 * consumer's transaction: the order's change, the event it emits and the record of the
 * report being processed commit together.
 */
@Service
public class DecidingOrderOutcome {

	private static final Logger log = LoggerFactory.getLogger(DecidingOrderOutcome.class);

	private final OrderRepository orders;

	private final Outbox outbox;

	private final OrderChangeSignals signals;

	DecidingOrderOutcome(OrderRepository orders, Outbox outbox, OrderChangeSignals signals) {
		this.orders = orders;
		this.outbox = outbox;
		this.signals = signals;
	}

	/**
	 * Locks, in id order, the orders these reports are about, before any of them is
	 * handled: batches on two consumer threads (or two instances) then never wait for
	 * each other in opposite orders, which would deadlock.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void lockOrdersFor(List<SagaEvent> reports) {
		Set<UUID> ids = new HashSet<>();
		reports.forEach((report) -> ids.add(report.orderId().value()));
		if (!ids.isEmpty()) {
			this.orders.findAllForUpdate(ids.toArray(UUID[]::new));
		}
	}

	/**
	 * Whether the report can change an order: a reservation or its refusal, a charge or
	 * its decline. A reservation committed or released, or a refund, follows a decision
	 * and changes nothing here (the steps below take them as no change).
	 */
	public boolean canChangeAnOrder(SagaEvent report) {
		return switch (report) {
			case InventoryUpdated update ->
				update.status() == InventoryStatus.RESERVED || update.status() == InventoryStatus.REJECTED;
			case PaymentCompleted payment ->
				payment.status() == PaymentStatus.CHARGED || payment.status() == PaymentStatus.DECLINED;
			default -> false;
		};
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void inventoryUpdated(InventoryUpdated update, Instant at) {
		apply(update.orderId(), (order) -> switch (update.status()) {
			// the event's constructor guarantees a RESERVED update its total and
			// currency, a REJECTED one its reason
			case RESERVED -> order.stockReserved(update.lines(), Objects.requireNonNull(update.totalAmount()),
					Objects.requireNonNull(update.currency()), at);
			case REJECTED -> order.stockRejected(Objects.requireNonNull(update.reason()), at);
			case COMMITTED, RELEASED -> Optional.empty();
		});
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void paymentCompleted(PaymentCompleted payment, Instant at) {
		apply(payment.orderId(), (order) -> switch (payment.status()) {
			case CHARGED -> order.paymentCharged(payment.amount(), payment.currency(), at);
			case DECLINED -> order.paymentDeclined(at);
			case REFUNDED -> Optional.empty();
		});
	}

	private void apply(OrderId orderId, Function<Order, Optional<SagaEvent>> step) {
		// locked by lockOrdersFor, so read from the persistence context
		Optional<Order> found = this.orders.findById(orderId.value());
		if (found.isEmpty()) {
			log.warn("Ignoring a report for unknown order {}", orderId);
			return;
		}
		step.apply(found.get()).ifPresent(this.outbox::publish);
		this.signals.afterCommit(orderId.value());
	}

}
