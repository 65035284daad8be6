package dev.ordersaga.messaging.test;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.ordersaga.client.ServiceCallFailed;
import dev.ordersaga.client.ServiceClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * sagactl's {@link ServiceClient} as tests call a running service: every answer comes
 * back whatever its status, its body parsed as JSON. A call without an answer throws
 * {@link ServiceCallFailed}; an answer that is not JSON, or does not bind, fails with the
 * method, the URL, the status and the body.
 */
public final class HttpJson {

	/**
	 * A response: its status, headers and body parsed as JSON (a missing node when
	 * empty).
	 *
	 * @param call the request, e.g. {@code GET http://localhost:8080/orders/1}
	 */
	public record Response(int status, Map<String, List<String>> headers, JsonNode body, String call) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		/** The body bound to a type, e.g. a record with the fields a test looks at. */
		public <T> T body(Class<T> type) {
			try {
				return json.treeToValue(this.body, type);
			}
			catch (JacksonException ex) {
				throw new IllegalStateException(this.call + " answered " + this.status + " with a body that is not a "
						+ type.getSimpleName() + ": " + ex.getOriginalMessage() + "; body: " + this.body, ex);
			}
		}

	}

	/**
	 * Fields a service adds are no reason for a test that does not look at them to fail.
	 */
	private static final JsonMapper json = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	/** Longer than the longest long poll a test asks for ({@code ?wait=30s}). */
	private static final Duration TIMEOUT = Duration.ofSeconds(40);

	private final HttpClient connections;

	private final ServiceClient service;

	/** A client that sends no token. */
	public HttpJson(String baseUrl) {
		this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl, null);
	}

	private HttpJson(HttpClient connections, String baseUrl, @Nullable String token) {
		this.connections = connections;
		this.service = new ServiceClient(connections, "the service", baseUrl, "the test's base URL", token);
	}

	/** The same service, called with this bearer token (see {@link TestTokens}). */
	public HttpJson withToken(String token) {
		return new HttpJson(this.connections, this.service.baseUrl(), token);
	}

	/** The same service, called without a token. */
	public HttpJson anonymous() {
		return new HttpJson(this.connections, this.service.baseUrl(), null);
	}

	public Response get(String path) {
		return send("GET", path, null, Map.of());
	}

	/** A GET with headers of its own, such as another {@code Accept}. */
	public Response get(String path, Map<String, String> headers) {
		return send("GET", path, null, headers);
	}

	/**
	 * A GET of something that is not JSON, such as a web page: the body as one text node,
	 * whatever it holds.
	 */
	public Response getText(String path) {
		HttpResponse<String> response = this.service.exchange("GET", path, null, Map.of("Accept", "*/*"), TIMEOUT);
		return response(response, json.getNodeFactory().stringNode(response.body()));
	}

	public Response post(String path, String body) {
		return send("POST", path, body, Map.of());
	}

	public Response post(String path, String body, Map<String, String> headers) {
		return send("POST", path, body, headers);
	}

	public Response put(String path, String body) {
		return send("PUT", path, body, Map.of());
	}

	/**
	 * Every item of a paged list ({@code {"<field>":[…],"next":…}}), page after page of
	 * the most a page holds. A page that does not come back 2xx, or is not such a page,
	 * throws {@link ServiceCallFailed}.
	 */
	public List<JsonNode> everyItem(String path, String field) {
		return this.service.getEveryPage(path + (path.contains("?") ? "&" : "?") + "limit=100", field, JsonNode.class);
	}

	/** A request of any method, e.g. for a matrix of who may call what. */
	public Response send(String method, String path, @Nullable String body) {
		return send(method, path, body, Map.of());
	}

	private Response send(String method, String path, @Nullable String body, Map<String, String> headers) {
		HttpResponse<String> response = this.service.exchange(method, path, body, headers, TIMEOUT);
		return response(response, parse(response));
	}

	private static Response response(HttpResponse<String> response, JsonNode body) {
		return new Response(response.statusCode(), response.headers().map(), body, call(response));
	}

	private static String call(HttpResponse<String> response) {
		HttpRequest request = response.request();
		return request.method() + " " + request.uri();
	}

	private static JsonNode parse(HttpResponse<String> response) {
		if (response.body().isBlank()) {
			return json.missingNode();
		}
		try {
			return json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(call(response) + " answered " + response.statusCode()
					+ " with a body that is not JSON: " + response.body(), ex);
		}
	}

}
