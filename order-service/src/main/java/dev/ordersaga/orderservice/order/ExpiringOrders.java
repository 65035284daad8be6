package dev.ordersaga.orderservice.order;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.ordersaga.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rejects orders still undecided after their deadline (TIMEOUT); the rejection
 * compensates whatever was reserved or charged. Several instances can sweep at once: each
 * skips the orders another has locked.
 */
@Service
class ExpiringOrders {

	private static final Logger log = LoggerFactory.getLogger(ExpiringOrders.class);

	private static final Limit BATCH = Limit.of(200);

	private final OrderRepository orders;

	private final Outbox outbox;

	private final OrderChangeSignals signals;

	private final Clock clock = Clock.systemUTC();

	ExpiringOrders(OrderRepository orders, Outbox outbox, OrderChangeSignals signals) {
		this.orders = orders;
		this.outbox = outbox;
		this.signals = signals;
	}

	@Scheduled(fixedDelayString = "${saga.order.deadline-sweep-interval:1s}")
	@Transactional
	public void rejectOverdueOrders() {
		Instant now = this.clock.instant();
		List<Order> overdue = this.orders.findOverdueForUpdate(now, BATCH);
		for (Order order : overdue) {
			order.deadlinePassed(now).ifPresent((event) -> {
				this.outbox.publish(event);
				this.signals.afterCommit(order.id());
			});
		}
		if (!overdue.isEmpty()) {
			log.info("Rejected {} overdue orders with TIMEOUT", overdue.size());
		}
	}

}
