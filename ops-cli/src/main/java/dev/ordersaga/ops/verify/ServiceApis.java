package dev.ordersaga.ops.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.ordersaga.ops.http.ServiceClient;
import org.jspecify.annotations.Nullable;

/** Reads the books from the services' REST APIs. */
final class ServiceApis {

	/** Where each service answers. */
	record Urls(String orders, String inventory, String payment, String notification, String analytics) {
	}

	/** {@code GET /orders}: a page of orders and the cursor of the next, if any. */
	record OrdersPage(List<Books.Order> orders, @Nullable String next) {
	}

	/** {@code GET /analytics/summary}, as far as the checks need it. */
	record AnalyticsSummary(Map<Books.OrderStatus, Long> ordersByStatus) {
	}

	private static final int PAGE = 100;

	private final ServiceClient orders;

	private final ServiceClient inventory;

	private final ServiceClient payment;

	private final ServiceClient notification;

	private final ServiceClient analytics;

	ServiceApis(Urls urls) {
		this.orders = new ServiceClient("order-service", urls.orders(), "--orders");
		this.inventory = new ServiceClient("inventory-service", urls.inventory(), "--inventory");
		this.payment = new ServiceClient("payment-service", urls.payment(), "--payment");
		this.notification = new ServiceClient("notification-service", urls.notification(), "--notification");
		this.analytics = new ServiceClient("analytics-service", urls.analytics(), "--analytics");
	}

	Books read() {
		return new Books(orders(), this.inventory.getList("/products", Books.Product.class),
				this.payment.getList("/accounts", Books.Account.class),
				this.payment.getList("/payments", Books.Payment.class),
				this.notification.getList("/notifications", Books.Notification.class),
				this.analytics.get("/analytics/summary", AnalyticsSummary.class).ordersByStatus());
	}

	private List<Books.Order> orders() {
		List<Books.Order> orders = new ArrayList<>();
		String after = null;
		do {
			OrdersPage page = this.orders.get("/orders?limit=" + PAGE + ((after != null) ? "&after=" + after : ""),
					OrdersPage.class);
			orders.addAll(page.orders());
			after = page.next();
		}
		while (after != null);
		return orders;
	}

}
