package dev.ordersaga.ops.verify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What every service says, read at one moment: the input of {@link BooksCheck}. The
 * records are the services' JSON, bound by Jackson; fields the checks do not need are
 * left out.
 */
record Books(List<Order> orders, List<Product> products, List<Account> accounts, List<Payment> payments,
		List<Notification> notifications, Map<OrderStatus, Long> analyticsByStatus) {

	/** An order's status as order-service's API shows it. */
	enum OrderStatus {

		PENDING, RESERVED, CONFIRMED, REJECTED, CANCELLED;

		/** The saga has decided the order; only a cancellation can still change it. */
		boolean isDecided() {
			return this == CONFIRMED || this == REJECTED || this == CANCELLED;
		}

	}

	/**
	 * Where an order's money is, as payment-service's API shows it: the event's
	 * {@code PaymentStatus} plus {@code VOIDED}, an order rejected or cancelled before
	 * payment saw it.
	 */
	enum PaymentState {

		CHARGED, DECLINED, REFUNDED, VOIDED

	}

	/** Which outcome of an order a notification tells. */
	enum NotificationKind {

		ORDER_CONFIRMED, ORDER_REJECTED, ORDER_CANCELLED

	}

	record Line(String sku, int quantity) {
	}

	record StatusChange(OrderStatus status) {
	}

	record Order(String orderId, String customerId, OrderStatus status, @Nullable BigDecimal totalAmount,
			Instant createdAt, List<Line> items, List<StatusChange> history) {

		boolean wasEver(OrderStatus status) {
			return this.history.stream().anyMatch((change) -> change.status() == status);
		}

	}

	/**
	 * {@code received} counts units put into stock, {@code shipped} those that left with
	 * orders.
	 */
	record Product(String sku, int onHand, int reserved, int received, int shipped) {
	}

	/** {@code deposited} counts money put into the account, not taken by orders. */
	record Account(String customerId, BigDecimal balance, BigDecimal deposited) {
	}

	record Payment(String orderId, String customerId, PaymentState status, BigDecimal amount) {
	}

	record Notification(String orderId, NotificationKind kind) {
	}

}
