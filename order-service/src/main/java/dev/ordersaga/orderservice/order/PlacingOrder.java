package dev.ordersaga.orderservice.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import dev.ordersaga.events.OrderLine;
import dev.ordersaga.messaging.outbox.Outbox;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places an order and starts its saga: the order and its {@code order.created} event
 * commit together. With an idempotency key, placing the same order again returns the
 * first one, and reusing the key for another order is refused. A key is the customer's
 * own: another customer's same key places an order of its own.
 */
@Service
class PlacingOrder {

	private final OrderRepository orders;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final OrderSettings settings;

	private final OrderAdmission admission;

	private final Clock clock;

	PlacingOrder(OrderRepository orders, Outbox outbox, PlatformTransactionManager transactionManager,
			OrderSettings settings, OrderAdmission admission, Clock clock) {
		this.orders = orders;
		this.outbox = outbox;
		this.transactions = new TransactionTemplate(transactionManager);
		this.settings = settings;
		this.admission = admission;
		this.clock = clock;
	}

	/** The order, and whether this call created it. */
	record Result(Order order, boolean created) {
	}

	/**
	 * Places the order, or finds the one placed earlier with the same key and request.
	 * @throws IdempotencyKeyReusedException when the customer's key placed an order for
	 * another request
	 * @throws OrdersOverloadedException when the saga is too far behind to take it, or
	 * this instance is placing as many orders as it may at once
	 */
	public Result place(String customerId, List<OrderLine> items, @Nullable String idempotencyKey) {
		this.admission.enter();
		try {
			return placeNow(customerId, items, idempotencyKey);
		}
		finally {
			this.admission.leave();
		}
	}

	private Result placeNow(String customerId, List<OrderLine> items, @Nullable String idempotencyKey) {
		String requestHash = (idempotencyKey != null) ? hash(customerId, items) : null;
		if (idempotencyKey != null) {
			var earlier = this.orders.findByCustomerIdAndIdempotencyKey(customerId, idempotencyKey);
			if (earlier.isPresent()) {
				return replay(earlier.get(), requestHash);
			}
		}
		this.admission.admit();
		try {
			Order order = this.transactions.execute((status) -> {
				Instant now = this.clock.instant();
				Order.Placed placed = Order.place(customerId, items, now, now.plus(this.settings.deadline()),
						idempotencyKey, requestHash);
				this.orders.save(placed.order());
				this.outbox.publish(placed.event());
				return placed.order();
			});
			return new Result(order, true);
		}
		catch (DataIntegrityViolationException ex) {
			if (idempotencyKey == null) {
				throw ex;
			}
			// a concurrent request with the same key won the race
			return replay(
					this.orders.findByCustomerIdAndIdempotencyKey(customerId, idempotencyKey).orElseThrow(() -> ex),
					requestHash);
		}
	}

	private static Result replay(Order earlier, @Nullable String requestHash) {
		if (requestHash == null || !earlier.isPlacedWith(requestHash)) {
			throw new IdempotencyKeyReusedException(earlier.id());
		}
		return new Result(earlier, false);
	}

	private static String hash(String customerId, List<OrderLine> items) {
		StringBuilder canonical = new StringBuilder(customerId);
		items.forEach((item) -> canonical.append('\n').append(item.sku()).append('\t').append(item.quantity()));
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
