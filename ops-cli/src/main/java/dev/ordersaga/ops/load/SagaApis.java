package dev.ordersaga.ops.load;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.ordersaga.ops.CommandFailed;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services' HTTP APIs, as far as a load run needs them: setting up products and
 * accounts, placing and reading orders, and reading each service's process metrics.
 */
final class SagaApis {

	/** Where each service answers. */
	record Urls(String orders, String inventory, String payment, String notification, String analytics) {

		/** Every service by name, in the saga's order. */
		Map<String, String> byService() {
			Map<String, String> services = new LinkedHashMap<>();
			services.put("order-service", this.orders);
			services.put("inventory-service", this.inventory);
			services.put("payment-service", this.payment);
			services.put("notification-service", this.notification);
			services.put("analytics-service", this.analytics);
			return services;
		}

	}

	/** {@code PUT /products/{sku}}. */
	record ProductRequest(String name, BigDecimal unitPrice, String currency, int onHand) {
	}

	/** {@code PUT /accounts/{customerId}}. */
	record AccountRequest(BigDecimal balance, String currency) {
	}

	private static final Duration PATIENCE = Duration.ofSeconds(10);

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(3))
		.build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Urls urls;

	SagaApis(Urls urls) {
		this.urls = urls;
	}

	Urls urls() {
		return this.urls;
	}

	/**
	 * Fails with the option to fix when order-, inventory- or payment-service is down.
	 */
	void requireReachable() {
		requireReachable("order-service", this.urls.orders(), "--orders-url");
		requireReachable("inventory-service", this.urls.inventory(), "--inventory");
		requireReachable("payment-service", this.urls.payment(), "--payment");
	}

	void putProduct(String sku, ProductRequest product) {
		put(this.urls.inventory(), "/products/" + sku, product);
	}

	void putAccount(String customerId, AccountRequest account) {
		put(this.urls.payment(), "/accounts/" + customerId, account);
	}

	/** {@code POST /orders}; the answer's body is read only when it is not 201. */
	CompletableFuture<HttpResponse<String>> place(OrderMix.PlaceOrder order, Duration timeout) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.urls.orders() + "/orders"))
			.timeout(timeout)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(order)))
			.build();
		return this.client.sendAsync(request,
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
		JsonNode id = readTree(created.body()).get("orderId");
		return (id != null && id.isString()) ? id.asString() : null;
	}

	/**
	 * {@code GET /orders/{id}?wait=}: the order's status once it is decided or the wait
	 * is over.
	 */
	String status(String orderId, Duration wait) throws IOException, InterruptedException {
		HttpResponse<String> response = this.client.send(HttpRequest
			.newBuilder(URI.create(this.urls.orders() + "/orders/" + orderId + "?wait=" + wait.toSeconds() + "s"))
			.timeout(wait.plus(PATIENCE))
			.header("Accept", "application/json")
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET /orders/" + orderId + " answered " + describe(response));
		}
		JsonNode status = readTree(response.body()).get("status");
		return (status != null) ? status.asString() : "?";
	}

	/** A service's {@code /actuator/prometheus}, or null when it cannot be read. */
	@Nullable String metrics(String base) {
		try {
			HttpResponse<String> response = this.client.send(
					HttpRequest.newBuilder(URI.create(base + "/actuator/prometheus")).timeout(PATIENCE).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			return (response.statusCode() == 200) ? response.body() : null;
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

	/** The status code with the problem's title, e.g. {@code 503 Service Unavailable}. */
	String describe(HttpResponse<String> response) {
		JsonNode title = readTree(response.body()).get("title");
		return response.statusCode() + ((title != null && title.isString()) ? " " + title.asString() : "");
	}

	/** The problem's detail, or the body when it is not a problem. */
	private String detail(String body) {
		JsonNode detail = readTree(body).get("detail");
		return (detail != null && detail.isString()) ? detail.asString() : body;
	}

	private JsonNode readTree(String body) {
		try {
			return this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return this.json.createObjectNode();
		}
	}

	private void put(String base, String path, Object body) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(PATIENCE)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200 && response.statusCode() != 201) {
				throw new CommandFailed("setting up the load's data failed: PUT " + base + path + " answered "
						+ response.statusCode() + ": " + detail(response.body()));
			}
		}
		catch (ConnectException | HttpConnectTimeoutException ex) {
			throw new CommandFailed("cannot reach " + base + " (PUT " + path + "): is the service running?");
		}
		catch (IOException ex) {
			throw new CommandFailed("PUT " + base + path + " failed: " + ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandFailed("interrupted");
		}
	}

	private void requireReachable(String service, String base, String option) {
		try {
			URI uri = URI.create(base + "/actuator/health");
			this.client.send(HttpRequest.newBuilder(uri).timeout(PATIENCE).GET().build(),
					HttpResponse.BodyHandlers.discarding());
		}
		catch (ConnectException | HttpTimeoutException ex) {
			throw new CommandFailed("cannot reach " + service + " at " + base + ": is it running? (" + option + ")");
		}
		catch (IOException ex) {
			throw new CommandFailed("cannot reach " + service + " at " + base + " (" + ex + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandFailed("interrupted");
		}
	}

}
