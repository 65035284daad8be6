package dev.ordersaga.orderservice.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.ordersaga.messaging.web.Problems;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders: one by id (optionally waiting for its outcome), or a page of them. */
@Service
public class ReadingOrders {

	/** How often a waiting request re-reads, for changes made by another instance. */
	private static final Duration REREAD = Duration.ofMillis(250);

	private final OrderRepository orders;

	private final EntityManager entityManager;

	private final OrderChangeSignals signals;

	private final Clock clock = Clock.systemUTC();

	ReadingOrders(OrderRepository orders, EntityManager entityManager, OrderChangeSignals signals) {
		this.orders = orders;
		this.entityManager = entityManager;
		this.signals = signals;
	}

	public Order find(UUID orderId) {
		return this.orders.findById(orderId).orElseThrow(() -> Problems.notFound("No order " + orderId));
	}

	/** The order once the saga decided it, or as it is when the time is up. */
	public Order awaitDecision(UUID orderId, Duration atMost) throws InterruptedException {
		Instant until = this.clock.instant().plus(atMost);
		while (true) {
			CompletableFuture<Void> change = this.signals.nextChange(orderId);
			Order order = find(orderId);
			Duration left = Duration.between(this.clock.instant(), until);
			if (order.status().isDecided() || !left.isPositive()) {
				this.signals.forget(orderId, change);
				return order;
			}
			try {
				change.get(Math.min(left.toMillis(), REREAD.toMillis()), TimeUnit.MILLISECONDS);
			}
			catch (TimeoutException | ExecutionException ex) {
				// no change here in time: re-read, for a change another instance made
				this.signals.forget(orderId, change);
			}
		}
	}

	@Transactional(readOnly = true)
	public OrderPage page(@Nullable String customerId, @Nullable OrderStatus status, int limit, @Nullable UUID after) {
		StringBuilder jpql = new StringBuilder("select o from Order o where 1 = 1");
		if (customerId != null) {
			jpql.append(" and o.customerId = :customerId");
		}
		if (status != null) {
			jpql.append(" and o.status = :status");
		}
		Order cursor = null;
		if (after != null) {
			cursor = this.orders.findById(after).orElseThrow(() -> Problems.badRequest("after: no order " + after));
			jpql.append(" and (o.createdAt < :cursorTime or (o.createdAt = :cursorTime and o.id < :cursorId))");
		}
		jpql.append(" order by o.createdAt desc, o.id desc");
		TypedQuery<Order> query = this.entityManager.createQuery(jpql.toString(), Order.class);
		if (customerId != null) {
			query.setParameter("customerId", customerId);
		}
		if (status != null) {
			query.setParameter("status", status);
		}
		if (cursor != null) {
			query.setParameter("cursorTime", cursor.createdAt());
			query.setParameter("cursorId", cursor.id());
		}
		List<Order> found = query.setMaxResults(limit + 1).getResultList();
		List<OrderView> page = found.stream().limit(limit).map(OrderView::of).toList();
		UUID next = (found.size() > limit) ? page.get(page.size() - 1).orderId() : null;
		return new OrderPage(page, next);
	}

}
