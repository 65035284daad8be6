package dev.ordersaga.messaging.test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for tests that talk to a running service. */
public final class HttpJson {

	/**
	 * A response: its status, headers and body parsed as JSON (a missing node when
	 * empty).
	 */
	public record Response(int status, Map<String, java.util.List<String>> headers, JsonNode body) {

		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	private static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	public HttpJson(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public Response get(String path) {
		return send(HttpRequest.newBuilder(uri(path)).GET(), Map.of());
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

	private URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	private Response send(HttpRequest.Builder request, Map<String, String> headers) {
		request.header("Content-Type", "application/json").timeout(Duration.ofSeconds(40));
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
			return new Response(response.statusCode(), response.headers().map(), body);
		}
		catch (IOException ex) {
			throw new IllegalStateException("HTTP call to " + this.baseUrl + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
