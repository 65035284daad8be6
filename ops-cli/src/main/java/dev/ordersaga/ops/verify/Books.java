package dev.ordersaga.ops.verify;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What every service says, read at one moment: the input of {@link BooksCheck}. */
record Books(List<Order> orders, List<Product> products, List<Reservation> reservations, List<Account> accounts,
		List<Payment> payments, List<Notification> notifications, Map<String, Long> analyticsByStatus) {

	record Line(String sku, int quantity) {
	}

	record Order(String orderId, String customerId, String status, @Nullable BigDecimal totalAmount, Instant createdAt,
			List<Line> items, List<String> history) {

		boolean isDecided() {
			return "CONFIRMED".equals(this.status) || "REJECTED".equals(this.status) || "CANCELLED".equals(this.status);
		}

	}

	/**
	 * {@code received} counts units put into stock, {@code shipped} those that left with
	 * orders.
	 */
	record Product(String sku, int onHand, int reserved, int received, int shipped) {
	}

	record Reservation(String orderId, String status, List<Line> lines) {
	}

	/** {@code deposited} counts money put into the account, not taken by orders. */
	record Account(String customerId, BigDecimal balance, BigDecimal deposited) {
	}

	record Payment(String orderId, String customerId, String status, BigDecimal amount) {
	}

	record Notification(String orderId, String kind) {
	}

}
