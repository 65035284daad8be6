package dev.ordersaga.ops.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ordersaga.ops.Sagactl;
import dev.ordersaga.ops.verify.Books.NotificationKind;
import dev.ordersaga.ops.verify.Books.OrderStatus;
import dev.ordersaga.ops.verify.Books.PaymentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The books bound from answers shaped like the services' (fields copied from their view
 * records, including those verify does not read), every page of each list, read with the
 * token verify was given.
 */
class ServiceApisTests {

	private static final String ORDER = """
			{"orderId":"%s","customerId":"c-1","status":"%s","items":[{"sku":"SKU-1","quantity":2,"unitPrice":12.50}],
			 "totalAmount":25.00,"currency":"EUR","reason":null,"createdAt":"2026-11-22T10:00:00Z",
			 "updatedAt":"2026-11-22T10:00:01Z","history":[{"status":"PENDING","reason":null,"at":"2026-11-22T10:00:00Z"},
			 {"status":"%s","reason":null,"at":"2026-11-22T10:00:01Z"}]}""";

	/** Each request's path and query, and its Authorization header. */
	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private static final String PRODUCT = """
			{"sku":"%s","name":"Pen","unitPrice":12.50,"currency":"EUR","onHand":8,"reserved":0,
			 "available":8,"received":10,"shipped":2}""";

	@BeforeEach
	void startServices() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		pages("/orders",
				Map.of("", "{\"orders\":[" + ORDER.formatted("o-1", "CONFIRMED", "CONFIRMED") + "],\"next\":\"o-1\"}",
						"o-1", "{\"orders\":[" + ORDER.formatted("o-2", "REJECTED", "REJECTED") + "],\"next\":null}"));
		pages("/products",
				Map.of("", "{\"products\":[" + PRODUCT.formatted("SKU-1") + "],\"next\":\"SKU-1\"}", "SKU-1",
						"{\"products\":[" + PRODUCT.formatted("SKU-2") + "],\"next\":\"SKU-2\"}", "SKU-2",
						"{\"products\":[" + PRODUCT.formatted("SKU-3") + "],\"next\":null}"));
		pages("/accounts", Map
			.of("", """
					{"accounts":[{"customerId":"c-1","balance":75.00,"currency":"EUR","deposited":100.00}],"next":null}"""));
		pages("/payments", Map.of("", """
				{"payments":[{"orderId":"o-1","customerId":"c-1","status":"CHARGED","amount":25.00,"currency":"EUR",
				  "reason":null,"createdAt":"2026-11-22T10:00:00Z","updatedAt":"2026-11-22T10:00:00Z"}],
				 "next":"o-1"}""", "o-1", """
				{"payments":[{"orderId":"o-2","customerId":"c-1","status":"VOIDED","amount":25.00,"currency":"EUR",
				  "reason":null,"createdAt":"2026-11-22T10:00:00Z","updatedAt":"2026-11-22T10:00:00Z"}],
				 "next":null}"""));
		pages("/notifications", Map.of("", """
				{"notifications":[{"id":"n-1","orderId":"o-1","customerId":"c-1","kind":"ORDER_CONFIRMED","message":"…",
				  "createdAt":"2026-11-22T10:00:01Z"}],"next":null}"""));
		this.server.createContext("/analytics/summary", (exchange) -> answer(exchange, 200, """
				{"orders":2,"ordersByStatus":{"CONFIRMED":1,"REJECTED":1},"rejectionsByReason":{"OUT_OF_STOCK":1},
				 "revenue":{"EUR":25.00},"sagaLatencyMs":{"count":2,"p50":10.0,"p95":12.0,"p99":12.0,"max":12.0}}"""));
		this.server.start();
	}

	@AfterEach
	void stopServices() {
		this.server.stop(0);
	}

	@Test
	void bindsEveryServicesAnswerAndReadsEveryPageOfEachList() {
		Books books = new ServiceApis(new ServiceApis.Urls(url(), url(), url(), url(), url()), null).read();

		assertThat(books.orders()).extracting(Books.Order::orderId, Books.Order::status)
			.containsExactly(tuple("o-1", OrderStatus.CONFIRMED), tuple("o-2", OrderStatus.REJECTED));
		Books.Order first = books.orders().get(0);
		assertThat(first.totalAmount()).isEqualByComparingTo("25.00");
		assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
		assertThat(first.items()).containsExactly(new Books.Line("SKU-1", 2));
		assertThat(first.wasEver(OrderStatus.CONFIRMED)).isTrue();
		assertThat(books.products()).containsExactly(new Books.Product("SKU-1", 8, 0, 10, 2),
				new Books.Product("SKU-2", 8, 0, 10, 2), new Books.Product("SKU-3", 8, 0, 10, 2));
		assertThat(books.accounts()).singleElement()
			.satisfies((account) -> assertThat(account.deposited()).isEqualByComparingTo("100.00"));
		assertThat(books.payments()).extracting(Books.Payment::orderId, Books.Payment::status)
			.containsExactly(tuple("o-1", PaymentState.CHARGED), tuple("o-2", PaymentState.VOIDED));
		assertThat(books.payments().get(0).amount()).isEqualByComparingTo(new BigDecimal("25.00"));
		assertThat(books.notifications())
			.containsExactly(new Books.Notification("o-1", NotificationKind.ORDER_CONFIRMED));
		assertThat(books.analyticsByStatus()).isEqualTo(Map.of(OrderStatus.CONFIRMED, 1L, OrderStatus.REJECTED, 1L));
	}

	@Test
	void verifySendsTheTokenGivenWithItsOptionToEveryService() {
		Run verify = verify("--token", "t0k3n");

		assertThat(verify.out()).startsWith("read 2 orders, 3 products, 1 accounts, 2 payments, 1 notifications");
		assertThat(this.requests).containsExactly("/orders?limit=100 Bearer t0k3n",
				"/orders?limit=100&after=o-1 Bearer t0k3n", "/products?limit=100 Bearer t0k3n",
				"/products?limit=100&after=SKU-1 Bearer t0k3n", "/products?limit=100&after=SKU-2 Bearer t0k3n",
				"/accounts?limit=100 Bearer t0k3n", "/payments?limit=100 Bearer t0k3n",
				"/payments?limit=100&after=o-1 Bearer t0k3n", "/notifications?limit=100 Bearer t0k3n",
				"/analytics/summary Bearer t0k3n");
	}

	@Test
	void verifyFailsInsteadOfLoopingWhenAServiceRepeatsACursor() {
		this.server.removeContext("/notifications");
		// the first page, whatever the cursor
		this.server.createContext("/notifications", (exchange) -> answer(exchange, 200, """
				{"notifications":[{"id":"n-1","orderId":"o-1","customerId":"c-1","kind":"ORDER_CONFIRMED",
				  "message":"…","createdAt":"2026-11-22T10:00:01Z"}],"next":"n-1"}"""));

		Run verify = verify("--token", "t0k3n");

		assertThat(verify.exitCode()).isOne();
		assertThat(verify.err()).isEqualTo("verify: GET " + url() + "/notifications?limit=100&after=n-1 answered "
				+ "next=n-1, the cursor of an earlier page: notification-service repeats itself, so its pages "
				+ "would never end\n");
		assertThat(this.requests).filteredOn((request) -> request.startsWith("/notifications"))
			.containsExactly("/notifications?limit=100 Bearer t0k3n",
					"/notifications?limit=100&after=n-1 Bearer t0k3n");
	}

	record Run(int exitCode, String out, String err) {
	}

	private Run verify(String... options) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = Sagactl.commandLine();
		commandLine.setOut(new PrintWriter(out));
		commandLine.setErr(new PrintWriter(err));
		List<String> args = new ArrayList<>(List.of("verify", "--orders", url(), "--inventory", url(), "--payment",
				url(), "--notification", url(), "--analytics", url()));
		args.addAll(List.of(options));
		int exitCode = commandLine.execute(args.toArray(String[]::new));
		return new Run(exitCode, out.toString(), err.toString().replace(System.lineSeparator(), "\n"));
	}

	private String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/**
	 * Serves a paged list: the body for the first page under "", each following one under
	 * the cursor ({@code after=}) that leads to it; an unknown cursor answers 400.
	 */
	private void pages(String path, Map<String, String> bodyByCursor) {
		this.server.createContext(path, (exchange) -> {
			String query = String.valueOf(exchange.getRequestURI().getQuery());
			String cursor = query.contains("after=") ? query.substring(query.indexOf("after=") + "after=".length())
					: "";
			String body = bodyByCursor.get(cursor);
			if (body != null) {
				answer(exchange, 200, body);
			}
			else {
				answer(exchange, 400, "{\"title\":\"Bad Request\",\"detail\":\"unknown cursor " + cursor + "\"}");
			}
		});
	}

	private void answer(HttpExchange exchange, int status, String body) throws IOException {
		this.requests.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
