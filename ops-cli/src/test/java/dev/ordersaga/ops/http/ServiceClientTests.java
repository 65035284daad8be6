package dev.ordersaga.ops.http;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ServiceClientTests {

	record Product(String sku, int onHand) {
	}

	private HttpServer server;

	private ServiceClient client;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/products", (exchange) -> answer(exchange, 200, "application/json",
				"[{\"sku\":\"SKU-1\",\"onHand\":7,\"addedLater\":true}]"));
		this.server.createContext("/broken", (exchange) -> answer(exchange, 200, "application/json", "[{\"sku\":"));
		this.server.createContext("/analytics/rebuild", (exchange) -> answer(exchange, 409, "application/problem+json",
				"{\"title\":\"Conflict\",\"status\":409,\"detail\":\"another instance is running\"}"));
		this.server.createContext("/plain", (exchange) -> answer(exchange, 500, "text/plain", "boom"));
		// negotiates as Spring Boot's endpoint does: no text/plain in Accept, no metrics
		this.server.createContext("/actuator/prometheus", (exchange) -> {
			String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
			if (accept.contains("text/plain") || accept.contains("*/*")) {
				answer(exchange, 200, "text/plain;version=0.0.4", "process_cpu_time_ns_total 1.5E9\n");
			}
			else {
				answer(exchange, 406, "application/problem+json", "{\"status\":406,\"title\":\"Not Acceptable\"}");
			}
		});
		this.server.start();
		this.client = new ServiceClient("inventory-service", "http://127.0.0.1:" + this.server.getAddress().getPort(),
				"--inventory");
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void bindsTheAnswerToRecordsIgnoringFieldsAddedLater() {
		assertThat(this.client.getList("/products", Product.class)).containsExactly(new Product("SKU-1", 7));
	}

	@Test
	void reportsAProblemWithMethodUrlStatusAndDetail() {
		assertThatExceptionOfType(ServiceCallFailed.class)
			.isThrownBy(() -> this.client.post("/analytics/rebuild", Product.class))
			.satisfies((failure) -> {
				assertThat(failure.method()).isEqualTo("POST");
				assertThat(failure.uri()).hasPath("/analytics/rebuild");
				assertThat(failure.status()).isEqualTo(409);
				assertThat(failure.detail()).isEqualTo("another instance is running");
				assertThat(failure).hasMessage("POST " + this.client.baseUrl()
						+ "/analytics/rebuild answered 409: another instance is running");
			});
	}

	@Test
	void reportsAnAnswerThatIsNotAProblemWithItsBody() {
		assertThatExceptionOfType(ServiceCallFailed.class).isThrownBy(() -> this.client.getText("/plain"))
			.satisfies((failure) -> assertThat(failure.detail()).isEqualTo("boom"))
			.withMessageEndingWith("/plain answered 500: boom");
	}

	@Test
	void reportsABodyThatDoesNotBindTheSameWay() {
		assertThatExceptionOfType(ServiceCallFailed.class)
			.isThrownBy(() -> this.client.getList("/broken", Product.class))
			.satisfies((failure) -> assertThat(failure.status()).isEqualTo(200))
			.withMessageContaining(
					"GET " + this.client.baseUrl() + "/broken answered 200 with a body that is not a List");
	}

	@Test
	void namesTheServiceAndItsOptionWhenNobodyAnswers() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ServiceClient nobody = new ServiceClient("analytics-service", "http://127.0.0.1:" + closedPort, "--analytics");
		assertThatExceptionOfType(ServiceCallFailed.class).isThrownBy(() -> nobody.getList("/products", Product.class))
			.satisfies((failure) -> assertThat(failure.status()).isZero())
			.withMessage("cannot reach analytics-service at http://127.0.0.1:" + closedPort
					+ ": is it running? (--analytics)");
	}

	@Test
	void readsTextThatIsNotJsonSuchAsPrometheusMetrics() {
		assertThat(this.client.getText("/actuator/prometheus")).isEqualTo("process_cpu_time_ns_total 1.5E9\n");
	}

	private static void answer(HttpExchange exchange, int status, String contentType, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().put("Content-Type", List.of(contentType));
		exchange.sendResponseHeaders(status, bytes.length);
		try (var out = exchange.getResponseBody()) {
			out.write(bytes);
		}
	}

}
