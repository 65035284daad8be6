package dev.ordersaga.orderservice.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.ordersaga.messaging.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rejects orders still undecided after their deadline (TIMEOUT); the rejection
 * compensates whatever was reserved or charged. Several instances can sweep at once: each
 * skips the orders another has locked.
 */
@Service
class ExpiringOrders implements SchedulingConfigurer {

	private static final Logger log = LoggerFactory.getLogger(ExpiringOrders.class);

	private static final int BATCH = 200;

	private final OrderRepository orders;

	private final Outbox outbox;

	private final OrderChangeSignals signals;

	private final Duration sweepInterval;

	private final Clock clock;

	private final TransactionTemplate transactions;

	ExpiringOrders(OrderRepository orders, Outbox outbox, OrderChangeSignals signals, OrderSettings settings,
			Clock clock, PlatformTransactionManager transactionManager) {
		this.orders = orders;
		this.outbox = outbox;
		this.signals = signals;
		this.sweepInterval = settings.deadlineSweepInterval();
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	/**
	 * Sweeps every {@code saga.order.deadline-sweep-interval}, each sweep in a
	 * transaction of its own that holds the locks on the orders it rejects.
	 */
	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(() -> this.transactions.executeWithoutResult((status) -> rejectOverdueOrders()),
				this.sweepInterval);
	}

	private void rejectOverdueOrders() {
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
