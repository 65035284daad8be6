package dev.ordersaga.ops.verify;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the books from the services' REST APIs. */
final class ServiceApis {

	/** Where each service answers. */
	record Urls(String orders, String inventory, String payment, String notification, String analytics) {
	}

	/** A service that could not be read. */
	static final class Unreachable extends RuntimeException {

		Unreachable(String message) {
			super(message);
		}

	}

	private static final int PAGE = 100;

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final Urls urls;

	ServiceApis(Urls urls) {
		this.urls = urls;
	}

	Books read() {
		return new Books(orders(), products(), reservations(), accounts(), payments(), notifications(),
				analyticsByStatus());
	}

	private List<Books.Order> orders() {
		List<Books.Order> orders = new ArrayList<>();
		String after = null;
		do {
			JsonNode page = get(this.urls.orders(),
					"/orders?limit=" + PAGE + ((after != null) ? "&after=" + after : ""));
			page.get("orders")
				.forEach((order) -> orders.add(new Books.Order(text(order, "orderId"), text(order, "customerId"),
						text(order, "status"), optionalDecimal(order, "totalAmount"),
						Instant.parse(text(order, "createdAt")), lines(order.get("items")),
						order.get("history").valueStream().map((change) -> text(change, "status")).toList())));
			after = page.get("next").isNull() ? null : page.get("next").asString();
		}
		while (after != null);
		return orders;
	}

	private List<Books.Product> products() {
		return get(this.urls.inventory(), "/products").valueStream()
			.map((p) -> new Books.Product(text(p, "sku"), p.get("onHand").asInt(), p.get("reserved").asInt(),
					p.get("received").asInt(), p.get("shipped").asInt()))
			.toList();
	}

	private List<Books.Reservation> reservations() {
		return get(this.urls.inventory(), "/reservations").valueStream()
			.map((r) -> new Books.Reservation(text(r, "orderId"), text(r, "status"), lines(r.get("lines"))))
			.toList();
	}

	private List<Books.Account> accounts() {
		return get(this.urls.payment(), "/accounts").valueStream()
			.map((a) -> new Books.Account(text(a, "customerId"), decimal(a, "balance"), decimal(a, "deposited")))
			.toList();
	}

	private List<Books.Payment> payments() {
		return get(this.urls.payment(), "/payments").valueStream()
			.map((p) -> new Books.Payment(text(p, "orderId"), text(p, "customerId"), text(p, "status"),
					decimal(p, "amount")))
			.toList();
	}

	private List<Books.Notification> notifications() {
		return get(this.urls.notification(), "/notifications").valueStream()
			.map((n) -> new Books.Notification(text(n, "orderId"), text(n, "kind")))
			.toList();
	}

	private Map<String, Long> analyticsByStatus() {
		Map<String, Long> counts = new TreeMap<>();
		get(this.urls.analytics(), "/analytics/summary").get("ordersByStatus")
			.properties()
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue().asLong()));
		return counts;
	}

	private static List<Books.Line> lines(JsonNode lines) {
		return lines.valueStream()
			.map((line) -> new Books.Line(text(line, "sku"), line.get("quantity").asInt()))
			.toList();
	}

	private static String text(JsonNode node, String field) {
		return node.get(field).asString();
	}

	private static BigDecimal decimal(JsonNode node, String field) {
		return Objects.requireNonNull(optionalDecimal(node, field), () -> "no " + field + " in " + node);
	}

	private static @Nullable BigDecimal optionalDecimal(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.decimalValue();
	}

	private JsonNode get(String base, String path) {
		HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json")
			.GET()
			.build();
		try {
			HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new Unreachable("GET " + base + path + " answered " + response.statusCode());
			}
			return this.json.readTree(response.body());
		}
		catch (ConnectException | HttpTimeoutException ex) {
			throw new Unreachable("cannot reach " + base + " (" + path + "): is the service running?");
		}
		catch (IOException ex) {
			throw new Unreachable("GET " + base + path + " failed: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unreachable("interrupted");
		}
	}

}
