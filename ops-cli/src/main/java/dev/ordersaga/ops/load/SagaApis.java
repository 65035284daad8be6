package dev.ordersaga.ops.load;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import dev.ordersaga.client.ServiceCallFailed;
import dev.ordersaga.client.ServiceClient;
import org.jspecify.annotations.Nullable;

/**
 * The services' HTTP APIs, as far as a load run needs them: setting up products and
 * accounts, placing and reading orders, and reading each service's process metrics.
 */
final class SagaApis {

	/**
	 * Where the services answer: the APIs a run calls, and every service's actuator on
	 * its management port.
	 */
	record Urls(String orders, String inventory, String payment, Management management) {
	}

	/** Where each service's actuator answers (metrics). */
	record Management(String orders, String inventory, String payment, String notification, String analytics) {
	}

	/** {@code PUT /products/{sku}}. */
	record ProductRequest(String name, BigDecimal unitPrice, String currency, int onHand) {
	}

	/** {@code PUT /accounts/{customerId}}. */
	record AccountRequest(BigDecimal balance, String currency) {
	}

	/** An order as {@code POST /orders} and {@code GET /orders/{id}} answer it. */
	record OrderView(@Nullable String orderId, @Nullable String status) {
	}

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private final ServiceClient orders;

	private final ServiceClient inventory;

	private final ServiceClient payment;

	/** Every service's actuator by name, in the saga's order. */
	private final Map<String, ServiceClient> actuators = new LinkedHashMap<>();

	/**
	 * Calls the APIs with {@code token} as the bearer token (none when null): an operator
	 * token places orders for every load customer. The actuators need none.
	 */
	SagaApis(Urls urls, @Nullable String token) {
		// one client: a burst's connections to order-service are pooled and reused
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(3))
			.build();
		this.orders = new ServiceClient(client, "order-service", urls.orders(), "--orders-url", token);
		this.inventory = new ServiceClient(client, "inventory-service", urls.inventory(), "--inventory", token);
		this.payment = new ServiceClient(client, "payment-service", urls.payment(), "--payment", token);
		Management management = urls.management();
		this.actuators.put("order-service",
				new ServiceClient(client, "order-service", management.orders(), "--orders-management"));
		this.actuators.put("inventory-service",
				new ServiceClient(client, "inventory-service", management.inventory(), "--inventory-management"));
		this.actuators.put("payment-service",
				new ServiceClient(client, "payment-service", management.payment(), "--payment-management"));
		this.actuators.put("notification-service", new ServiceClient(client, "notification-service",
				management.notification(), "--notification-management"));
		this.actuators.put("analytics-service",
				new ServiceClient(client, "analytics-service", management.analytics(), "--analytics-management"));
	}

	/**
	 * Fails with the option to fix when order-, inventory- or payment-service is down.
	 */
	void requireReachable() {
		for (ServiceClient service : new ServiceClient[] { this.orders, this.inventory, this.payment }) {
			try {
				service.getText("/");
			}
			catch (ServiceCallFailed ex) {
				// any answer means it runs; an unhealthy one shows up in the run itself
				if (ex.status() == 0) {
					throw ex;
				}
			}
		}
	}

	void putProduct(String sku, ProductRequest product) {
		this.inventory.put("/products/" + sku, product);
	}

	void putAccount(String customerId, AccountRequest account) {
		this.payment.put("/accounts/" + customerId, account);
	}

	/** {@code POST /orders}; the answer's body is read only when it is not 201. */
	CompletableFuture<HttpResponse<String>> place(OrderMix.PlaceOrder order, Duration timeout) {
		return this.orders.postAsync("/orders", order, timeout,
				(info) -> (info.statusCode() == 201 && info.headers().firstValue("Location").isPresent())
						? HttpResponse.BodySubscribers.replacing("")
						: HttpResponse.BodySubscribers.ofString(StandardCharsets.UTF_8));
	}

	/** The order id of a 201 answer: the end of its {@code Location}, else its body's. */
	@Nullable String orderId(HttpResponse<String> created) {
		String location = created.headers().firstValue("Location").orElse(null);
		if (location != null) {
			return location.substring(location.lastIndexOf('/') + 1);
		}
		try {
			return this.orders.bind(created, OrderView.class).orderId();
		}
		catch (ServiceCallFailed ex) {
			return null;
		}
	}

	/**
	 * {@code GET /orders/{id}?wait=}: the order's status once it is decided or the wait
	 * is over.
	 */
	@Nullable String status(String orderId, Duration wait) {
		return this.orders
			.get("/orders/" + orderId + "?wait=" + wait.toSeconds() + "s", OrderView.class, wait.plus(PATIENCE))
			.status();
	}

	/** Every service's {@code /actuator/prometheus} by name; null when unreadable. */
	Map<String, @Nullable String> metrics() {
		Map<String, @Nullable String> metrics = new LinkedHashMap<>();
		this.actuators.forEach((name, service) -> {
			try {
				metrics.put(name, service.getText("/actuator/prometheus"));
			}
			catch (ServiceCallFailed ex) {
				metrics.put(name, null);
			}
		});
		return metrics;
	}

	/**
	 * The status code with the problem's title, e.g. {@code 503 Service Unavailable}: a
	 * kind of error, the same for every order it happens to.
	 */
	String describe(HttpResponse<String> response) {
		return response.statusCode()
				+ ServiceClient.problemField(response.body(), "title").map((title) -> " " + title).orElse("");
	}

	/** A {@code POST /orders} that had no answer, in one line. */
	String describe(Throwable failure) {
		ServiceCallFailed described = this.orders.failure("POST", "/orders", failure);
		return Objects.requireNonNullElse(described.getMessage(), "POST /orders failed");
	}

}
