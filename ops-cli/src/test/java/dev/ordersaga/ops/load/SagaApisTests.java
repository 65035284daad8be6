package dev.ordersaga.ops.load;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load run calls the APIs with one operator token, whoever the order is for, and the
 * actuators on the management ports with none.
 */
class SagaApisTests {

	/** Each request's method, path and Authorization header ("none" without). */
	private final List<String> requests = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private SagaApis apis;

	@BeforeEach
	void startServices() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", (exchange) -> {
			String authorization = exchange.getRequestHeaders().getFirst("Authorization");
			this.requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
					+ ((authorization != null) ? authorization : "none"));
			boolean post = exchange.getRequestMethod().equals("POST");
			if (post) {
				exchange.getResponseHeaders().add("Location", "/orders/o-1");
			}
			answer(exchange, post ? 201 : 200, "process_cpu_time_ns_total 1.5E9\n");
		});
		this.server.start();
		String url = "http://127.0.0.1:" + this.server.getAddress().getPort();
		this.apis = new SagaApis(new SagaApis.Urls(url, url, url, new SagaApis.Management(url, url, url, url, url)),
				"operator-token");
	}

	@AfterEach
	void stopServices() {
		this.server.stop(0);
	}

	@Test
	void setsUpAndPlacesOrdersForEveryCustomerWithTheOneToken() {
		this.apis.putProduct("LOAD-1", new SagaApis.ProductRequest("Pen", BigDecimal.ONE, "EUR", 10));
		this.apis.putAccount("load-7", new SagaApis.AccountRequest(BigDecimal.TEN, "EUR"));
		this.apis
			.place(new OrderMix.PlaceOrder("load-7", List.of(new OrderMix.Line("LOAD-1", 1))), Duration.ofSeconds(5))
			.join();

		assertThat(this.requests).containsExactly("PUT /products/LOAD-1 Bearer operator-token",
				"PUT /accounts/load-7 Bearer operator-token", "POST /orders Bearer operator-token");
	}

	@Test
	void readsTheActuatorsWithoutAToken() {
		assertThat(this.apis.metrics()).hasSize(5).allSatisfy((name, metrics) -> assertThat(metrics).isNotNull());

		assertThat(this.requests).hasSize(5).containsOnly("GET /actuator/prometheus none");
	}

	private static void answer(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "text/plain");
		exchange.sendResponseHeaders(status, bytes.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
