package dev.ordersaga.messaging.test;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small JSON-over-HTTP client for tests that talk to a running service. Bodies are read
 * by Jackson; a call without an answer, or an answer that is not JSON or does not bind,
 * fails with the method, the URL, the status and the body, the way sagactl reports it.
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

	private final HttpClient client;

	private final String baseUrl;

	private final @Nullable String token;

	/** A client that sends no token. */
	public HttpJson(String baseUrl) {
		this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), baseUrl, null);
	}

	private HttpJson(HttpClient client, String baseUrl, @Nullable String token) {
		this.client = client;
		this.baseUrl = baseUrl;
		this.token = token;
	}

	/** The same service, called with this bearer token (see {@link TestTokens}). */
	public HttpJson withToken(String token) {
		return new HttpJson(this.client, this.baseUrl, token);
	}

	/** The same service, called without a token. */
	public HttpJson anonymous() {
		return new HttpJson(this.client, this.baseUrl, null);
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
	}

	/**
	 * A GET of something that is not JSON, such as a web page: the body as one text node,
	 * whatever it holds.
	 */
	public Response getText(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of(), false);
	}

	public Response post(String path, String body) {
		return post(path, body, Map.of());
	}

	public Response post(String path, String body, Map<String, String> headers) {
		return send(HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofString(body)), headers);
	}

	public Response put(String path, String body) {
		return send(HttpRequest.newBuilder(uri(path)).PUT(HttpRequest.BodyPublishers.ofString(body)), Map.of());
	}

	/**
	 * Every item of a paged list ({@code {"<field>":[…],"next":…}}), page after page of
	 * the most a page holds.
	 */
	public List<JsonNode> everyItem(String path, String field) {
		List<JsonNode> items = new ArrayList<>();
		String next = null;
		do {
			String query = (path.contains("?") ? "&" : "?") + "limit=100"
					+ ((next != null) ? "&after=" + URLEncoder.encode(next, StandardCharsets.UTF_8) : "");
			Response page = get(path + query);
			if (page.status() != 200 || !page.body().has(field)) {
				throw new IllegalStateException(page.call() + " answered " + page.status() + ": " + page.body());
			}
			page.body().get(field).forEach(items::add);
			JsonNode cursor = page.body().get("next");
			next = (cursor == null || cursor.isNull()) ? null : cursor.asString();
		}
		while (next != null);
		return items;
	}

	/** A request of any method, e.g. for a matrix of who may call what. */
	public Response send(String method, String path, @Nullable String body) {
		HttpRequest.BodyPublisher publisher = (body != null) ? HttpRequest.BodyPublishers.ofString(body)
				: HttpRequest.BodyPublishers.noBody();
		return send(HttpRequest.newBuilder(uri(path)).method(method, publisher), Map.of());
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private Response send(HttpRequest.Builder builder, Map<String, String> headers) {
		return send(builder, headers, true);
	}

	private Response send(HttpRequest.Builder builder, Map<String, String> headers, boolean asJson) {
		builder.header("Content-Type", "application/json").timeout(Duration.ofSeconds(40));
		if (this.token != null) {
			builder.header("Authorization", "Bearer " + this.token);
		}
		headers.forEach(builder::header);
		HttpRequest request = builder.build();
		String call = request.method() + " " + request.uri();
		HttpResponse<String> response;
		try {
			response = this.client.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(call + " had no answer: " + ex, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(call + " was interrupted", ex);
		}
		JsonNode body = asJson ? parse(call, response) : json.getNodeFactory().stringNode(response.body());
		return new Response(response.statusCode(), response.headers().map(), body, call);
	}

	private static JsonNode parse(String call, HttpResponse<String> response) {
		if (response.body().isBlank()) {
			return json.missingNode();
		}
		try {
			return json.readTree(response.body());
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(
					call + " answered " + response.statusCode() + " with a body that is not JSON: " + response.body(),
					ex);
		}
	}

}
