package dev.ordersaga.ops.verify;

import java.util.Map;

import dev.ordersaga.client.ServiceClient;
import org.jspecify.annotations.Nullable;

/** Reads the books from the services' REST APIs. */
final class ServiceApis {

	/** Where each service answers. */
	record Urls(String orders, String inventory, String payment, String notification, String analytics) {
	}

	/** {@code GET /analytics/summary}, as far as the checks need it. */
	record AnalyticsSummary(Map<Books.OrderStatus, Long> ordersByStatus) {
	}

	/** The first page of a list, as large as the services allow. */
	private static final String FIRST_PAGE = "?limit=100";

	private final ServiceClient orders;

	private final ServiceClient inventory;

	private final ServiceClient payment;

	private final ServiceClient notification;

	private final ServiceClient analytics;

	/** Reads with {@code token} as the bearer token; none when null. */
	ServiceApis(Urls urls, @Nullable String token) {
		this.orders = new ServiceClient("order-service", urls.orders(), "--orders", token);
		this.inventory = new ServiceClient("inventory-service", urls.inventory(), "--inventory", token);
		this.payment = new ServiceClient("payment-service", urls.payment(), "--payment", token);
		this.notification = new ServiceClient("notification-service", urls.notification(), "--notification", token);
		this.analytics = new ServiceClient("analytics-service", urls.analytics(), "--analytics", token);
	}

	/** Every item of every list, page by page, and the analytics summary. */
	Books read() {
		return new Books(this.orders.getEveryPage("/orders" + FIRST_PAGE, "orders", Books.Order.class),
				this.inventory.getEveryPage("/products" + FIRST_PAGE, "products", Books.Product.class),
				this.payment.getEveryPage("/accounts" + FIRST_PAGE, "accounts", Books.Account.class),
				this.payment.getEveryPage("/payments" + FIRST_PAGE, "payments", Books.Payment.class),
				this.notification.getEveryPage("/notifications" + FIRST_PAGE, "notifications",
						Books.Notification.class),
				this.analytics.get("/analytics/summary", AnalyticsSummary.class).ordersByStatus());
	}

}
