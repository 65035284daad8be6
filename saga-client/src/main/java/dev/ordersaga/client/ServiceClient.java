package dev.ordersaga.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One service's REST API: requests with JSON bodies written by Jackson, answers bound to
 * records by Jackson, and a bearer token when one is given. Anything but a 2xx answer
 * that binds throws {@link ServiceCallFailed}, whose message names the method, the URL,
 * the status and the problem's detail (for 401 and 403, what to do about the token), or
 * when nobody answers, the service and the option that sets its URL. {@link #exchange}
 * gives any answer back as it came, for callers that look at the status themselves.
 */
public final class ServiceClient {

	/** Fields a service adds later are no reason for an operator's command to fail. */
	private static final JsonMapper JSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final String JSON_ONLY = "application/json";

	private static final String TEXT = "text/plain, */*;q=0.1";

	private static final String AUTHORIZATION = "Authorization";

	/** What a resource server says of a refused token (RFC 6750, section 3). */
	private static final Pattern ERROR_DESCRIPTION = Pattern.compile("error_description=\"([^\"]*)\"");

	private final HttpClient client;

	private final String service;

	private final String baseUrl;

	private final String option;

	private final @Nullable String token;

	/**
	 * A client that sends no token, e.g. for a management port.
	 * @param service the service's name, for messages
	 * @param baseUrl where it answers, e.g. {@code http://localhost:8080}
	 * @param option the command-line option that sets {@code baseUrl}, for messages
	 */
	public ServiceClient(String service, String baseUrl, String option) {
		this(service, baseUrl, option, null);
	}

	/** A client that sends {@code token} as its bearer token; none when null. */
	public ServiceClient(String service, String baseUrl, String option, @Nullable String token) {
		this(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build(),
				service, baseUrl, option, token);
	}

	/** Shares one {@link HttpClient} (its connections and threads) between services. */
	public ServiceClient(HttpClient client, String service, String baseUrl, String option) {
		this(client, service, baseUrl, option, null);
	}

	/**
	 * Shares one {@link HttpClient} between services and sends {@code token} as the
	 * bearer token; none when null.
	 */
	public ServiceClient(HttpClient client, String service, String baseUrl, String option, @Nullable String token) {
		this.client = client;
		this.service = service;
		this.baseUrl = baseUrl;
		this.option = option;
		this.token = token;
	}

	public String baseUrl() {
		return this.baseUrl;
	}

	public <T> T get(String path, Class<T> type) {
		return get(path, type, TIMEOUT);
	}

	/**
	 * A {@code GET} of one page of a paged list, {@code {"<field>":[...],"next":...}}; a
	 * page without {@code next} is the last.
	 */
	public <T> Page<T> getPage(String path, String field, Class<T> elementType) {
		return bindPage(send("GET", path, null, Map.of(), TIMEOUT), field, elementType);
	}

	/**
	 * Every item of a paged list: the page at {@code path} (which sets the limit and any
	 * filter), then each page after the cursor the one before gave, until a page gives
	 * none. A cursor given twice fails the call, since following it would never end.
	 */
	public <T> List<T> getEveryPage(String path, String field, Class<T> elementType) {
		List<T> items = new ArrayList<>();
		Set<String> cursors = new HashSet<>();
		String pagePath = path;
		while (true) {
			Page<T> page = getPage(pagePath, field, elementType);
			items.addAll(page.items());
			String next = page.next();
			if (next == null) {
				return items;
			}
			if (!cursors.add(next)) {
				URI uri = uri(pagePath);
				throw new ServiceCallFailed(
						"GET " + uri + " answered next=" + next + ", the cursor of an earlier page: " + this.service
								+ " repeats itself, so its pages would never end",
						"GET", uri, 200, null);
			}
			pagePath = path + (path.contains("?") ? "&" : "?") + "after="
					+ URLEncoder.encode(next, StandardCharsets.UTF_8);
		}
	}

	/** A {@code GET} that may take up to {@code timeout}, e.g. a long poll. */
	public <T> T get(String path, Class<T> type, Duration timeout) {
		return bind(send("GET", path, null, Map.of(), timeout), JSON.constructType(type));
	}

	/** The body as text, for what is not JSON (e.g. Prometheus metrics). */
	public String getText(String path) {
		// Prometheus answers 406 to a client that accepts only JSON
		return send("GET", path, null, Map.of("Accept", TEXT), TIMEOUT).body();
	}

	/** A {@code POST} without a body. */
	public <T> T post(String path, Class<T> type) {
		return bind(send("POST", path, null, Map.of(), TIMEOUT), JSON.constructType(type));
	}

	/** A {@code PUT} of {@code body} as JSON; the answer's body is not read. */
	public void put(String path, Object body) {
		send("PUT", path, JSON.writeValueAsString(body), Map.of(), TIMEOUT);
	}

	/**
	 * A request of any method that answers with whatever came back, whatever its status,
	 * for callers that tell answers apart by status themselves (e.g. tests of what is
	 * refused). Only a call without an answer throws {@link ServiceCallFailed}.
	 * @param body sent as it is, with {@code Content-Type: application/json}; none when
	 * null
	 * @param headers added to the request, in place of a default of the same name (such
	 * as {@code Accept})
	 * @param timeout how long the answer may take, e.g. longer than a long poll's wait
	 */
	public HttpResponse<String> exchange(String method, String path, @Nullable String body, Map<String, String> headers,
			Duration timeout) {
		try {
			return this.client.send(request(method, path, body, headers, timeout),
					HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw failure(method, path, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw failure(method, path, ex);
		}
	}

	/**
	 * A {@code POST} of {@code body} as JSON that answers with whatever came back, for
	 * callers that tell answers apart by status (e.g. {@code 429}); pair it with
	 * {@link #failure} and {@link #bind(HttpResponse, Class)}.
	 */
	public CompletableFuture<HttpResponse<String>> postAsync(String path, Object body, Duration timeout,
			HttpResponse.BodyHandler<String> bodyHandler) {
		return this.client.sendAsync(request("POST", path, JSON.writeValueAsString(body), Map.of(), timeout),
				bodyHandler);
	}

	/**
	 * The failure an answer stands for: its status and its problem's detail, and for a
	 * refused token, what to do.
	 */
	public ServiceCallFailed failure(HttpResponse<String> response) {
		String method = response.request().method();
		URI uri = response.request().uri();
		int status = response.statusCode();
		String detail = problemDetail(response.body());
		if (detail == null) {
			detail = response.headers()
				.firstValue("WWW-Authenticate")
				.map(ERROR_DESCRIPTION::matcher)
				.filter(Matcher::find)
				.map((matcher) -> matcher.group(1))
				.orElse(null);
		}
		String refusal = switch (status) {
			case 401 -> response.request().headers().firstValue(AUTHORIZATION).isPresent() ? " (the token was refused)"
					: " (no token was sent)";
			case 403 -> " (forbidden)";
			default -> "";
		};
		String advice = switch (status) {
			case 401 -> "; pass --token or run ./stack up to create var/keys/token-signing.pem";
			case 403 -> "; the token's role may not do this; use an operator token";
			default -> "";
		};
		return new ServiceCallFailed(
				method + " " + uri + " answered " + status + refusal + ((detail != null) ? ": " + detail : "") + advice,
				method, uri, status, detail);
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
			throw unbound(response, type.getRawClass().getSimpleName(), ex.getOriginalMessage());
		}
	}

	private <T> Page<T> bindPage(HttpResponse<String> response, String field, Class<T> elementType) {
		String what = "page of " + field;
		try {
			JsonNode page = JSON.readTree(response.body());
			JsonNode items = page.path(field);
			JsonNode next = page.path("next");
			if (!items.isArray()) {
				throw unbound(response, what, "it has no \"" + field + "\" array");
			}
			if (!next.isString() && !next.isNull() && !next.isMissingNode()) {
				throw unbound(response, what, "its \"next\" is neither a string nor null");
			}
			return new Page<>(
					JSON.treeToValue(items, JSON.getTypeFactory().constructCollectionType(List.class, elementType)),
					next.isString() ? next.stringValue() : null);
		}
		catch (JacksonException ex) {
			throw unbound(response, what, ex.getOriginalMessage());
		}
	}

	private static ServiceCallFailed unbound(HttpResponse<String> response, String what, @Nullable String why) {
		String method = response.request().method();
		URI uri = response.request().uri();
		return new ServiceCallFailed(method + " " + uri + " answered " + response.statusCode()
				+ " with a body that is not a " + what + ": " + why, method, uri, response.statusCode(), null);
	}

	private HttpResponse<String> send(String method, String path, @Nullable String body, Map<String, String> headers,
			Duration timeout) {
		HttpResponse<String> response = exchange(method, path, body, headers, timeout);
		if (response.statusCode() / 100 != 2) {
			throw failure(response);
		}
		return response;
	}

	private HttpRequest request(String method, String path, @Nullable String body, Map<String, String> headers,
			Duration timeout) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.timeout(timeout)
			.header("Accept", JSON_ONLY)
			.header("Content-Type", "application/json");
		if (this.token != null) {
			request.header(AUTHORIZATION, "Bearer " + this.token);
		}
		headers.forEach(request::setHeader);
		return request
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody())
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
