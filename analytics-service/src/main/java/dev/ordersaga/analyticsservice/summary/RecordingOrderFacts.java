package dev.ordersaga.analyticsservice.summary;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderRejected;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records what the events say about each order, in whatever order they arrive. Each write
 * is an upsert that only fills in or moves forward: an order.created arriving after the
 * outcome adds its creation time and leaves the outcome alone; the first decision's time
 * is kept (the earliest, even when a later decision arrives first), so a cancellation of
 * a confirmed order does not change the saga's latency. Plain SQL: these are counters,
 * not an aggregate with rules.
 */
@Service
public class RecordingOrderFacts {

	private final JdbcTemplate jdbc;

	RecordingOrderFacts(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void orderCreated(OrderCreated order) {
		this.jdbc.update("""
				insert into order_fact (order_id, customer_id, status, created_at, updated_at)
				values (?, ?, 'PENDING', ?, now())
				on conflict (order_id) do update
				set customer_id = excluded.customer_id, created_at = excluded.created_at, updated_at = now()
				""", order.orderId().value(), order.customerId(), Timestamp.from(order.createdAt()));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void orderConfirmed(OrderConfirmed order, Instant at) {
		decided(order.orderId().value(), order.customerId(), "CONFIRMED", null, order.totalAmount(), order.currency(),
				at);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void orderRejected(OrderRejected order, Instant at) {
		decided(order.orderId().value(), order.customerId(), "REJECTED", order.reason().name(), null, null, at);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void orderCancelled(OrderCancelled order, Instant at) {
		decided(order.orderId().value(), order.customerId(), "CANCELLED", order.reason().name(), null, null, at);
	}

	/**
	 * Only CANCELLED overrides another outcome (a confirmed order can be cancelled); the
	 * amount of a confirmed order is kept so refunds can be told apart.
	 */
	private void decided(UUID orderId, String customerId, String status, @Nullable String reason,
			@Nullable BigDecimal amount, @Nullable String currency, Instant at) {
		this.jdbc.update("""
				insert into order_fact (order_id, customer_id, status, reason, amount, currency, decided_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, now())
				on conflict (order_id) do update
				set status = case when order_fact.status = 'PENDING' or excluded.status = 'CANCELLED'
				                  then excluded.status else order_fact.status end,
				    reason = case when order_fact.status = 'PENDING' or excluded.status = 'CANCELLED'
				                  then excluded.reason else order_fact.reason end,
				    amount = coalesce(order_fact.amount, excluded.amount),
				    currency = coalesce(order_fact.currency, excluded.currency),
				    decided_at = least(order_fact.decided_at, excluded.decided_at),
				    updated_at = now()
				""", orderId, customerId, status, reason, amount, currency, Timestamp.from(at));
	}

}
