package dev.ordersaga.analyticsservice.summary;

import java.math.BigDecimal;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The figures of {@code GET /analytics/summary}. Revenue is that of orders that stayed
 * confirmed (net of refunds: a cancelled order's charge was given back), per currency.
 * Saga latency runs from an order's creation to its first decision.
 */
record AnalyticsSummary(long orders, Map<String, Long> ordersByStatus, Map<String, Long> rejectionsByReason,
		Map<String, BigDecimal> revenue, Latency sagaLatencyMs) {

	@Schema(name = "SagaLatency")
	record Latency(long count, double p50, double p95, double p99, double max) {
	}

}
