package dev.ordersaga.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	/** Each paged request's query, as sent. */
	private final List<String> queries = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private ServiceClient client;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/products", (exchange) -> answer(exchange, 200, "application/json",
				"{\"products\":[{\"sku\":\"SKU-1\",\"onHand\":7,\"addedLater\":true}],\"next\":null}"));
		this.server.createContext("/broken",
				(exchange) -> answer(exchange, 200, "application/json", "{\"products\":[{"));
		// the shape of a list before it was paged
		this.server.createContext("/unpaged",
				(exchange) -> answer(exchange, 200, "application/json", "[{\"sku\":\"SKU-1\",\"onHand\":7}]"));
		// one item a page, whose cursor is the item's sku; "after" as the service decodes
		// it
		this.server.createContext("/customers", (exchange) -> {
			this.queries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
			String after = String.valueOf(exchange.getRequestURI().getQuery()).replaceFirst(".*after=", "");
			answer(exchange, 200, "application/json", switch (after) {
				case "region=eu" -> "{\"customers\":[{\"sku\":\"a/b&c\",\"onHand\":1}],\"next\":\"a/b&c\"}";
				case "a/b&c" -> "{\"customers\":[{\"sku\":\"d\",\"onHand\":2}],\"next\":\"d\"}";
				default -> "{\"customers\":[],\"next\":null}";
			});
		});
		// a service that answers the first page again and again
		this.server.createContext("/loop", (exchange) -> {
			this.queries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
			answer(exchange, 200, "application/json", "{\"loop\":[{\"sku\":\"SKU-1\",\"onHand\":1}],\"next\":\"p2\"}");
		});
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
		this.server.createContext("/whoami", (exchange) -> {
			this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			answer(exchange, 200, "application/json", "{\"sku\":\"SKU-1\",\"onHand\":1}");
		});
		// answers as Spring Security's resource server does: no body, the reason in
		// WWW-Authenticate
		this.server.createContext("/needs-token", (exchange) -> {
			exchange.getResponseHeaders()
				.add("WWW-Authenticate", exchange.getRequestHeaders().containsKey("Authorization")
						? "Bearer error=\"invalid_token\", error_description=\"Jwt expired at 2026-11-22T10:00:00Z\", "
								+ "error_uri=\"https://tools.ietf.org/html/rfc6750#section-3.1\""
						: "Bearer");
			answer(exchange, 401, "text/plain", "");
		});
		this.server.createContext("/operators-only", (exchange) -> answer(exchange, 403, "application/problem+json",
				"{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"only operators may rebuild analytics\"}"));
		this.server.start();
		this.client = new ServiceClient("inventory-service", "http://127.0.0.1:" + this.server.getAddress().getPort(),
				"--inventory");
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void bindsThePageToRecordsIgnoringFieldsAddedLater() {
		assertThat(this.client.getPage("/products", "products", Product.class))
			.isEqualTo(new Page<>(List.of(new Product("SKU-1", 7)), null));
	}

	@Test
	void followsTheCursorsEncodedUntilAPageHasNone() {
		assertThat(this.client.getEveryPage("/customers?region=eu", "customers", Product.class))
			.containsExactly(new Product("a/b&c", 1), new Product("d", 2));
		assertThat(this.queries).containsExactly("region=eu", "region=eu&after=a%2Fb%26c", "region=eu&after=d");
	}

	@Test
	void stopsAtACursorGivenTwiceInsteadOfLoopingForever() {
		assertThatExceptionOfType(ServiceCallFailed.class)
			.isThrownBy(() -> this.client.getEveryPage("/loop", "loop", Product.class))
			.withMessage("GET " + this.client.baseUrl() + "/loop?after=p2 answered next=p2, the cursor of an "
					+ "earlier page: inventory-service repeats itself, so its pages would never end");
		assertThat(this.queries).containsExactly("null", "after=p2");
	}

	@Test
	void saysThatAListWhichIsNotAPageIsNot() {
		assertThatExceptionOfType(ServiceCallFailed.class)
			.isThrownBy(() -> this.client.getPage("/unpaged", "products", Product.class))
			.withMessage("GET " + this.client.baseUrl()
					+ "/unpaged answered 200 with a body that is not a page of products: it has no \"products\" array");
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
			.isThrownBy(() -> this.client.getPage("/broken", "products", Product.class))
			.satisfies((failure) -> assertThat(failure.status()).isEqualTo(200))
			.withMessageContaining("GET " + this.client.baseUrl()
					+ "/broken answered 200 with a body that is not a page of products: ");
	}

	@Test
	void namesTheServiceAndItsOptionWhenNobodyAnswers() throws IOException {
		int closedPort;
		try (ServerSocket socket = new ServerSocket(0)) {
			closedPort = socket.getLocalPort();
		}
		ServiceClient nobody = new ServiceClient("analytics-service", "http://127.0.0.1:" + closedPort, "--analytics");
		assertThatExceptionOfType(ServiceCallFailed.class)
			.isThrownBy(() -> nobody.getPage("/products", "products", Product.class))
			.satisfies((failure) -> assertThat(failure.status()).isZero())
			.withMessage("cannot reach analytics-service at http://127.0.0.1:" + closedPort
					+ ": is it running? (--analytics)");
		assertThatExceptionOfType(ServiceCallFailed.class)
			.isThrownBy(() -> nobody.exchange("GET", "/products", null, Map.of(), Duration.ofSeconds(5)))
			.withMessage("cannot reach analytics-service at http://127.0.0.1:" + closedPort
					+ ": is it running? (--analytics)");
	}

	@Test
	void exchangesAnyAnswerAsItCameWhateverItsStatus() {
		HttpResponse<String> refused = this.client.exchange("POST", "/analytics/rebuild", "{}", Map.of(),
				Duration.ofSeconds(5));

		assertThat(refused.statusCode()).isEqualTo(409);
		assertThat(refused.body()).contains("\"detail\":\"another instance is running\"");
	}

	@Test
	void exchangesWithTheHeadersItIsGivenInPlaceOfItsOwn() {
		assertThat(
				this.client.exchange("GET", "/actuator/prometheus", null, Map.of(), Duration.ofSeconds(5)).statusCode())
			.isEqualTo(406);
		assertThat(this.client
			.exchange("GET", "/actuator/prometheus", null, Map.of("Accept", "*/*"), Duration.ofSeconds(5))
			.body()).isEqualTo("process_cpu_time_ns_total 1.5E9\n");
	}

	@Test
	void sendsTheTokenItWasGivenAsABearerToken() {
		ServiceClient withToken = new ServiceClient("inventory-service", this.client.baseUrl(), "--inventory", "t0k3n");

		withToken.get("/whoami", Product.class);
		withToken.postAsync("/whoami", Map.of(), Duration.ofSeconds(5), HttpResponse.BodyHandlers.ofString()).join();
		withToken.exchange("GET", "/whoami", null, Map.of(), Duration.ofSeconds(5));

		assertThat(this.authorizations).containsExactly("Bearer t0k3n", "Bearer t0k3n", "Bearer t0k3n");
	}

	@Test
	void sendsNoAuthorizationWithoutAToken() {
		this.client.get("/whoami", Product.class);

		assertThat(this.authorizations).containsExactly("null");
	}

	@Test
	void saysThatNoTokenWasSentWhenAServiceAnswers401AndHowToGetOne() {
		assertThatExceptionOfType(ServiceCallFailed.class)
			.isThrownBy(() -> this.client.get("/needs-token", Product.class))
			.satisfies((failure) -> assertThat(failure.status()).isEqualTo(401))
			.withMessage("GET " + this.client.baseUrl() + "/needs-token answered 401 (no token was sent); "
					+ "pass --token or run ./stack up to create var/keys/token-signing.pem");
	}

	@Test
	void saysWhyAServiceRefusedTheToken() {
		ServiceClient withToken = new ServiceClient("inventory-service", this.client.baseUrl(), "--inventory",
				"expired");

		assertThatExceptionOfType(ServiceCallFailed.class)
			.isThrownBy(() -> withToken.get("/needs-token", Product.class))
			.satisfies((failure) -> assertThat(failure.detail()).isEqualTo("Jwt expired at 2026-11-22T10:00:00Z"))
			.withMessage("GET " + this.client.baseUrl() + "/needs-token answered 401 (the token was refused): "
					+ "Jwt expired at 2026-11-22T10:00:00Z; "
					+ "pass --token or run ./stack up to create var/keys/token-signing.pem");
	}

	@Test
	void saysThatTheTokensRoleMayNotDoWhatA403Refuses() {
		ServiceClient withToken = new ServiceClient("analytics-service", this.client.baseUrl(), "--analytics",
				"customer-token");

		assertThatExceptionOfType(ServiceCallFailed.class)
			.isThrownBy(() -> withToken.post("/operators-only", Product.class))
			.satisfies((failure) -> {
				assertThat(failure.status()).isEqualTo(403);
				assertThat(failure.detail()).isEqualTo("only operators may rebuild analytics");
			})
			.withMessage("POST " + this.client.baseUrl() + "/operators-only answered 403 (forbidden): "
					+ "only operators may rebuild analytics; the token's role may not do this; use an operator token");
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
