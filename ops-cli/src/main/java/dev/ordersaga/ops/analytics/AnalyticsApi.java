package dev.ordersaga.ops.analytics;

import dev.ordersaga.client.ServiceClient;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** analytics-service's REST API, as far as a rebuild needs it. */
final class AnalyticsApi {

	/** {@code POST /analytics/rebuild}: what was cleared before the replay started. */
	record RebuildReport(long readModelRows, long processedEvents, long redisMarks, int partitions) {
	}

	private final ServiceClient client;

	/** Calls with {@code token} as the bearer token; none when null. */
	AnalyticsApi(String baseUrl, @Nullable String token) {
		this.client = new ServiceClient("analytics-service", baseUrl, "--analytics", token);
	}

	/**
	 * Every figure of {@code GET /analytics/summary}, as JSON: a rebuild compares all of
	 * them, including those this client does not know.
	 */
	JsonNode summary() {
		return this.client.get("/analytics/summary", JsonNode.class);
	}

	/**
	 * Starts the rebuild; answers once the figures are cleared and the group moved. The
	 * service checks retention itself: {@code force} tells it to rebuild from what is
	 * left.
	 */
	RebuildReport rebuild(boolean force) {
		return this.client.post("/analytics/rebuild" + (force ? "?force=true" : ""), RebuildReport.class);
	}

}
