package dev.ordersaga.orderservice.order;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.ordersaga.messaging.security.Caller;
import dev.ordersaga.messaging.web.Keyset;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.PredicateSpecification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads orders: one by id (optionally waiting for its outcome), or a page of them. */
@Service
class ReadingOrders {

	/** Newest first; the id breaks ties between orders placed in the same instant. */
	private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

	private final OrderRepository orders;

	private final OrderChangeSignals signals;

	private final Clock clock;

	ReadingOrders(OrderRepository orders, OrderChangeSignals signals, Clock clock) {
		this.orders = orders;
		this.signals = signals;
		this.clock = clock;
	}

	/**
	 * The order, if the caller may see it; throws {@link UnknownOrderException} when
	 * there is none or it is another customer's (so ids of others are never confirmed).
	 */
	public Order find(UUID orderId, Caller caller) {
		return this.orders.findById(orderId)
			.filter((order) -> caller.sees(order.customerId()))
			.orElseThrow(() -> new UnknownOrderException(orderId));
	}

	/**
	 * The order once the saga decided it, or as it is when the time is up. Reads it when
	 * it starts, after each change and at the end, not in between; throws
	 * {@link TooManyWaitingRequestsException} when too many requests wait already.
	 */
	public Order awaitDecision(UUID orderId, Caller caller, Duration atMost) throws InterruptedException {
		this.signals.enter();
		try {
			Instant until = this.clock.instant().plus(atMost);
			while (true) {
				CompletableFuture<Void> change = this.signals.nextChange(orderId);
				try {
					Order order = find(orderId, caller);
					Duration left = Duration.between(this.clock.instant(), until);
					if (order.status().isDecided() || !left.isPositive()) {
						return order;
					}
					change.get(left.toMillis(), TimeUnit.MILLISECONDS);
				}
				catch (TimeoutException | ExecutionException ex) {
					// the time is up: the next round reads the order and returns it
				}
				finally {
					this.signals.forget(orderId, change);
				}
			}
		}
		finally {
			this.signals.leave();
		}
	}

	/**
	 * A page of orders, newest first, optionally of one customer or in one status. The
	 * page starts after the order {@code after} (the {@code next} of the page before);
	 * throws {@link UnknownPageCursorException} when there is no such order of that
	 * customer.
	 */
	@Transactional(readOnly = true)
	public OrderPage page(@Nullable String customerId, @Nullable OrderStatus status, int limit, @Nullable UUID after) {
		PredicateSpecification<Order> matching = PredicateSpecification.unrestricted();
		if (customerId != null) {
			matching = matching.and((order, criteria) -> criteria.equal(order.get("customerId"), customerId));
		}
		if (status != null) {
			matching = matching.and((order, criteria) -> criteria.equal(order.get("status"), status));
		}
		KeysetScrollPosition position = Keyset.after((after != null) ? keysOf(after, customerId) : null);
		Window<Order> window = this.orders.findBy(matching,
				(query) -> query.sortBy(NEWEST_FIRST).limit(limit).scroll(position));
		List<OrderView> page = Keyset.items(window, OrderView::of);
		return new OrderPage(page, Keyset.next(window, page, OrderView::orderId));
	}

	private Map<String, Object> keysOf(UUID after, @Nullable String customerId) {
		Order cursor = this.orders.findById(after)
			.filter((order) -> customerId == null || customerId.equals(order.customerId()))
			.orElseThrow(() -> new UnknownPageCursorException(after));
		return Map.of("createdAt", cursor.createdAt(), "id", cursor.id());
	}

}
