package dev.ordersaga.ops.verify;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.ordersaga.ops.verify.Books.NotificationKind;
import dev.ordersaga.ops.verify.Books.OrderStatus;
import dev.ordersaga.ops.verify.Books.PaymentState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The books bound from answers shaped like the services' (fields copied from their view
 * records, including those verify does not read).
 */
class ServiceApisTests {

	private static final String ORDER = """
			{"orderId":"%s","customerId":"c-1","status":"%s","items":[{"sku":"SKU-1","quantity":2,"unitPrice":12.50}],
			 "totalAmount":25.00,"currency":"EUR","reason":null,"createdAt":"2026-11-22T10:00:00Z",
			 "updatedAt":"2026-11-22T10:00:01Z","history":[{"status":"PENDING","reason":null,"at":"2026-11-22T10:00:00Z"},
			 {"status":"%s","reason":null,"at":"2026-11-22T10:00:01Z"}]}""";

	private HttpServer server;

	@BeforeEach
	void startServices() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/orders",
				(exchange) -> answer(exchange,
						exchange.getRequestURI().getQuery().contains("after=page-2")
								? "{\"orders\":[" + ORDER.formatted("o-2", "REJECTED", "REJECTED") + "],\"next\":null}"
								: "{\"orders\":[" + ORDER.formatted("o-1", "CONFIRMED", "CONFIRMED")
										+ "],\"next\":\"page-2\"}"));
		this.server.createContext("/products", (exchange) -> answer(exchange, """
				[{"sku":"SKU-1","name":"Pen","unitPrice":12.50,"currency":"EUR","onHand":8,"reserved":0,
				  "available":8,"received":10,"shipped":2}]"""));
		this.server.createContext("/accounts", (exchange) -> answer(exchange, """
				[{"customerId":"c-1","balance":75.00,"currency":"EUR","deposited":100.00}]"""));
		this.server.createContext("/payments", (exchange) -> answer(exchange, """
				[{"orderId":"o-1","customerId":"c-1","status":"CHARGED","amount":25.00,"currency":"EUR","reason":null,
				  "createdAt":"2026-11-22T10:00:00Z","updatedAt":"2026-11-22T10:00:00Z"},
				 {"orderId":"o-2","customerId":"c-1","status":"VOIDED","amount":25.00,"currency":"EUR","reason":null,
				  "createdAt":"2026-11-22T10:00:00Z","updatedAt":"2026-11-22T10:00:00Z"}]"""));
		this.server.createContext("/notifications", (exchange) -> answer(exchange, """
				[{"id":"n-1","orderId":"o-1","customerId":"c-1","kind":"ORDER_CONFIRMED","message":"…",
				  "createdAt":"2026-11-22T10:00:01Z"}]"""));
		this.server.createContext("/analytics/summary", (exchange) -> answer(exchange, """
				{"orders":2,"ordersByStatus":{"CONFIRMED":1,"REJECTED":1},"rejectionsByReason":{"OUT_OF_STOCK":1},
				 "revenue":{"EUR":25.00},"sagaLatencyMs":{"count":2,"p50":10.0,"p95":12.0,"p99":12.0,"max":12.0}}"""));
		this.server.start();
	}

	@AfterEach
	void stopServices() {
		this.server.stop(0);
	}

	@Test
	void bindsEveryServicesAnswerAndFollowsTheOrderPages() {
		String url = "http://127.0.0.1:" + this.server.getAddress().getPort();
		Books books = new ServiceApis(new ServiceApis.Urls(url, url, url, url, url)).read();

		assertThat(books.orders()).extracting(Books.Order::orderId, Books.Order::status)
			.containsExactly(tuple("o-1", OrderStatus.CONFIRMED), tuple("o-2", OrderStatus.REJECTED));
		Books.Order first = books.orders().get(0);
		assertThat(first.totalAmount()).isEqualByComparingTo("25.00");
		assertThat(first.createdAt()).isEqualTo(Instant.parse("2026-11-22T10:00:00Z"));
		assertThat(first.items()).containsExactly(new Books.Line("SKU-1", 2));
		assertThat(first.wasEver(OrderStatus.CONFIRMED)).isTrue();
		assertThat(books.products()).containsExactly(new Books.Product("SKU-1", 8, 0, 10, 2));
		assertThat(books.accounts()).singleElement()
			.satisfies((account) -> assertThat(account.deposited()).isEqualByComparingTo("100.00"));
		assertThat(books.payments()).extracting(Books.Payment::status)
			.containsExactly(PaymentState.CHARGED, PaymentState.VOIDED);
		assertThat(books.payments().get(0).amount()).isEqualByComparingTo(new BigDecimal("25.00"));
		assertThat(books.notifications())
			.containsExactly(new Books.Notification("o-1", NotificationKind.ORDER_CONFIRMED));
		assertThat(books.analyticsByStatus()).isEqualTo(Map.of(OrderStatus.CONFIRMED, 1L, OrderStatus.REJECTED, 1L));
	}

	private static void answer(HttpExchange exchange, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
		exchange.sendResponseHeaders(200, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
