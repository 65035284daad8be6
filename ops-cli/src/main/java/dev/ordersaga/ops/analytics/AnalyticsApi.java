package dev.ordersaga.ops.analytics;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import dev.ordersaga.ops.CommandFailed;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** analytics-service's REST API, as far as a rebuild needs it. */
final class AnalyticsApi {

	private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	AnalyticsApi(String base) {
		this.base = base;
	}

	JsonNode summary() {
		return call(HttpRequest.newBuilder(URI.create(this.base + "/analytics/summary")).GET(),
				"GET /analytics/summary");
	}

	/** Starts the rebuild; answers once the figures are cleared and the group moved. */
	JsonNode rebuild() {
		return call(HttpRequest.newBuilder(URI.create(this.base + "/analytics/rebuild"))
			.POST(HttpRequest.BodyPublishers.noBody()), "POST /analytics/rebuild");
	}

	/** The problem's detail, or the body when it is not a problem. */
	private String detail(String body) {
		try {
			JsonNode problem = this.json.readTree(body);
			return (problem.hasNonNull("detail")) ? problem.get("detail").asString() : body;
		}
		catch (JacksonException ex) {
			return body;
		}
	}

	private JsonNode call(HttpRequest.Builder request, String what) {
		try {
			HttpResponse<String> response = this.client.send(
					request.timeout(Duration.ofSeconds(60)).header("Accept", "application/json").build(),
					HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new CommandFailed(what + " answered " + response.statusCode() + ": " + detail(response.body()));
			}
			return this.json.readTree(response.body());
		}
		catch (ConnectException | HttpTimeoutException ex) {
			throw new CommandFailed(
					"cannot reach analytics-service at " + this.base + ": is it running? (--analytics)");
		}
		catch (IOException ex) {
			throw new CommandFailed(what + " at " + this.base + " failed: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandFailed("interrupted");
		}
	}

}
