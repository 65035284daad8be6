package dev.ordersaga.ops.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service's REST API: requests with JSON bodies written by Jackson, answers bound to
 * records by Jackson. Anything but a 2xx answer that binds throws
 * {@link ServiceCallFailed}, whose message names the method, the URL, the status and the
 * problem's detail, or when nobody answers, the service and the option that sets its URL.
 */
public final class ServiceClient {

	/** Fields a service adds later are no reason for an operator's command to fail. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String JSON_ONLY = "application/json";

	private static final String TEXT = "text/plain, */*;q=0.1";

	private final HttpClient client;

	private final String service;

	private final String baseUrl;

	private final String option;

	/**
	 * @param service the service's name, for messages
	 * @param baseUrl where it answers, e.g. {@code http://localhost:8080}
	 * @param option the command-line option that sets {@code baseUrl}, for messages
	 */
	public ServiceClient(String service, String baseUrl, String option) {
		this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build(),
				service, baseUrl, option);
	}

	/** Shares one {@link HttpClient} (its connections and threads) between services. */
	public ServiceClient(HttpClient client, String service, String baseUrl, String option) {
		this.client = client;
		this.service = service;
		this.baseUrl = baseUrl;
		this.option = option;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public <T> T get(String path, Class<T> type) {
		return get(path, type, TIMEOUT);
	}

	/** A {@code GET} of a JSON array. */
	public <T> List<T> getList(String path, Class<T> elementType) {
		return bind(send("GET", path, HttpRequest.BodyPublishers.noBody(), TIMEOUT),
				JSON.getTypeFactory().constructCollectionType(List.class, elementType));
	}

	/** A {@code GET} that may take up to {@code timeout}, e.g. a long poll. */
	public <T> T get(String path, Class<T> type, Duration timeout) {
		return bind(send("GET", path, HttpRequest.BodyPublishers.noBody(), timeout), JSON.constructType(type));
	}

	/** The body as text, for what is not JSON (e.g. Prometheus metrics). */
	public String getText(String path) {
		// Prometheus answers 406 to a client that accepts only JSON
		return send("GET", path, HttpRequest.BodyPublishers.noBody(), TIMEOUT, TEXT).body();
	}

	/** A {@code POST} without a body. */
	public <T> T post(String path, Class<T> type) {
		return bind(send("POST", path, HttpRequest.BodyPublishers.noBody(), TIMEOUT), JSON.constructType(type));
	}

	/** A {@code PUT} of {@code body} as JSON; the answer's body is not read. */
	public void put(String path, Object body) {
		send("PUT", path, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), TIMEOUT);
	}

	/**
	 * A {@code POST} of {@code body} as JSON that answers with whatever came back, for
	 * callers that tell answers apart by status (e.g. {@code 429}); pair it with
	 * {@link #failure} and {@link #bind(HttpResponse, Class)}.
	 */
	public CompletableFuture<HttpResponse<String>> postAsync(String path, Object body, Duration timeout,
			HttpResponse.BodyHandler<String> bodyHandler) {
		return this.client.sendAsync(request("POST", path,
				HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)), timeout, JSON_ONLY), bodyHandler);
	}

	/** The failure an answer stands for: its status and its problem's detail. */
	public ServiceCallFailed failure(HttpResponse<String> response) {
		String method = response.request().method();
		URI uri = response.request().uri();
		String detail = problemDetail(response.body());
		return new ServiceCallFailed(
				method + " " + uri + " answered " + response.statusCode() + ((detail != null) ? ": " + detail : ""),
				method, uri, response.statusCode(), detail);
	}

	/**
	 * The failure of a call that had no answer: a refused connection or a timeout names
	 * the service and the option to fix.
	 */
	public ServiceCallFailed failure(String method, String path, Throwable cause) {
		URI uri = uri(path);
		String message = switch (cause) {
			case ConnectException ex -> cannotReach();
			case HttpConnectTimeoutException ex -> cannotReach();
			case HttpTimeoutException ex -> method + " " + uri + " had no answer in time (" + ex.getMessage() + ")";
			default -> method + " " + uri + " failed: " + cause;
		};
		ServiceCallFailed failure = new ServiceCallFailed(message, method, uri, 0, null);
		failure.initCause(cause);
		return failure;
	}

	private String cannotReach() {
		return "cannot reach " + this.service + " at " + this.baseUrl + ": is it running? (" + this.option + ")";
	}

	/** The answer's body bound to {@code type}. */
	public <T> T bind(HttpResponse<String> response, Class<T> type) {
		return bind(response, JSON.constructType(type));
	}

	// the JavaType carries T: every caller builds it from the Class<T> it was given
	@SuppressWarnings("TypeParameterUnusedInFormals")
	private <T> T bind(HttpResponse<String> response, JavaType type) {
		try {
			return JSON.readValue(response.body(), type);
		}
		catch (JacksonException ex) {
			String method = response.request().method();
			URI uri = response.request().uri();
			throw new ServiceCallFailed(
					method + " " + uri + " answered " + response.statusCode() + " with a body that is not a "
							+ type.getRawClass().getSimpleName() + ": " + ex.getOriginalMessage(),
					method, uri, response.statusCode(), null);
		}
	}

	private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, Duration timeout) {
		return send(method, path, body, timeout, JSON_ONLY);
	}

	private HttpResponse<String> send(String method, String path, HttpRequest.BodyPublisher body, Duration timeout,
			String accept) {
		HttpResponse<String> response;
		try {
			response = this.client.send(request(method, path, body, timeout, accept),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw failure(method, path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure(method, path, ex);
		}
		if (response.statusCode() / 100 != 2) {
			throw failure(response);
		}
		return response;
	}

	private HttpRequest request(String method, String path, HttpRequest.BodyPublisher body, Duration timeout,
			String accept) {
		return HttpRequest.newBuilder(uri(path))
			.timeout(timeout)
			.header("Accept", accept)
			.header("Content-Type", "application/json")
			.method(method, body)
			.build();
	}

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	/** The detail of a problem+json body, else its title, else the body itself. */
	static @Nullable String problemDetail(@Nullable String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		return problemField(body, "detail").or(() -> problemField(body, "title")).orElse(body);
	}

	/**
	 * A text field of a problem+json body (RFC 9457: {@code title}, {@code detail}, ...),
	 * when the body is one.
	 */
	public static Optional<String> problemField(String body, String field) {
		try {
			return Optional.ofNullable(JSON.readTree(body).get(field))
				.filter(JsonNode::isString)
				.map(JsonNode::asString);
		}
		catch (JacksonException ex) {
			return Optional.empty();
		}
	}

}
