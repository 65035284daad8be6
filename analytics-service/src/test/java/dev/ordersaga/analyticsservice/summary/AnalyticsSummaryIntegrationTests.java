package dev.ordersaga.analyticsservice.summary;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.analyticsservice.AnalyticsServiceIntegrationTest;
import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.messaging.test.HttpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The summary built from order-service's events, played over real Kafka. The figures are
 * shared by every test in this JVM, so each test reads them once every earlier event is
 * in, waits until its own events are taken in, and asserts on what changed.
 */
class AnalyticsSummaryIntegrationTests extends AnalyticsServiceIntegrationTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void aConfirmedOrderCountsWithItsRevenueAndALatencySample() {
		Figures before = figuresOnceCaughtUp();
		OrderId orderId = OrderId.random();
		String customerId = customerId();
		UUID created = this.publisher.publish(created(orderId, customerId, Instant.now()));
		UUID confirmed = this.publisher
			.publish(new OrderConfirmed(orderId, customerId, new BigDecimal("25.50"), "EUR"));

		awaitProcessed(created, confirmed);
		Figures after = figures();
		assertThat(after.orders()).isEqualTo(before.orders() + 1);
		assertThat(after.status("CONFIRMED")).isEqualTo(before.status("CONFIRMED") + 1);
		assertThat(after.status("PENDING")).isEqualTo(before.status("PENDING"));
		assertThat(after.revenue("EUR").subtract(before.revenue("EUR"))).isEqualByComparingTo("25.50");
		assertThat(after.latencySamples()).isEqualTo(before.latencySamples() + 1);
	}

	@Test
	void aRejectionThatArrivesBeforeItsOrderIsCountedOnceWithItsReason() {
		Figures before = figuresOnceCaughtUp();
		OrderId orderId = OrderId.random();
		String customerId = customerId();
		OrderCreated created = created(orderId, customerId, Instant.now());
		awaitProcessed(this.publisher.publish(new OrderRejected(orderId, customerId, RejectionReason.OUT_OF_STOCK)));
		Figures rejected = figures();
		assertThat(rejected.status("REJECTED")).isEqualTo(before.status("REJECTED") + 1);
		assertThat(rejected.latencySamples()).isEqualTo(before.latencySamples());

		awaitProcessed(this.publisher.publish(created));
		Figures after = figures();
		assertThat(after.orders()).isEqualTo(before.orders() + 1);
		assertThat(after.status("REJECTED")).isEqualTo(before.status("REJECTED") + 1);
		assertThat(after.status("PENDING")).isEqualTo(before.status("PENDING"));
		assertThat(after.rejections("OUT_OF_STOCK")).isEqualTo(before.rejections("OUT_OF_STOCK") + 1);
		assertThat(after.latencySamples()).isEqualTo(before.latencySamples() + 1);
	}

	@Test
	void aConfirmedOrderThatIsCancelledCountsAsCancelledAndLeavesTheRevenue() {
		Figures before = figuresOnceCaughtUp();
		OrderId orderId = OrderId.random();
		String customerId = customerId();
		UUID created = this.publisher.publish(created(orderId, customerId, Instant.now()));
		UUID confirmedId = this.publisher
			.publish(new OrderConfirmed(orderId, customerId, new BigDecimal("30.00"), "EUR"));
		awaitProcessed(created, confirmedId);
		Figures confirmed = figures();
		assertThat(confirmed.revenue("EUR").subtract(before.revenue("EUR"))).isEqualByComparingTo("30.00");

		awaitProcessed(
				this.publisher.publish(new OrderCancelled(orderId, customerId, CancellationReason.CUSTOMER_REQUEST)));
		Figures after = figures();
		assertThat(after.orders()).isEqualTo(before.orders() + 1);
		assertThat(after.status("CANCELLED")).isEqualTo(before.status("CANCELLED") + 1);
		assertThat(after.status("CONFIRMED")).isEqualTo(before.status("CONFIRMED"));
		assertThat(after.revenue("EUR")).isEqualByComparingTo(before.revenue("EUR"));
		assertThat(after.latencySamples()).isEqualTo(before.latencySamples() + 1);
	}

	@Test
	void eventsRedeliveredOrProducedAgainAreCountedOnce() {
		Figures before = figuresOnceCaughtUp();
		OrderId orderId = OrderId.random();
		String customerId = customerId();
		OrderCreated created = created(orderId, customerId, Instant.now());
		OrderConfirmed confirmed = new OrderConfirmed(orderId, customerId, new BigDecimal("17.25"), "EUR");
		UUID createdId = this.publisher.publish(created);
		UUID confirmedId = this.publisher.publish(confirmed);
		this.publisher.publish(created, createdId);
		this.publisher.publish(confirmed, confirmedId);
		UUID createdAgain = this.publisher.publish(created);
		UUID confirmedAgain = this.publisher.publish(confirmed);

		awaitProcessed(createdAgain);
		awaitProcessed(confirmedAgain);
		Figures after = figures();
		assertThat(after.orders()).isEqualTo(before.orders() + 1);
		assertThat(after.status("CONFIRMED")).isEqualTo(before.status("CONFIRMED") + 1);
		assertThat(after.revenue("EUR").subtract(before.revenue("EUR"))).isEqualByComparingTo("17.25");
		assertThat(after.latencySamples()).isEqualTo(before.latencySamples() + 1);
	}

	@Test
	void sagaLatencyRunsToTheFirstDecisionEvenWhenALaterOneArrivesFirst() {
		Figures before = figuresOnceCaughtUp();
		OrderId orderId = OrderId.random();
		String customerId = customerId();
		Instant createdAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(3));
		awaitProcessed(publishAt(new OrderCancelled(orderId, customerId, CancellationReason.CUSTOMER_REQUEST),
				createdAt.plus(Duration.ofHours(2))));
		UUID confirmed = publishAt(new OrderConfirmed(orderId, customerId, new BigDecimal("8.00"), "EUR"),
				createdAt.plus(Duration.ofHours(1)));
		UUID created = this.publisher.publish(created(orderId, customerId, createdAt));

		awaitProcessed(confirmed);
		awaitProcessed(created);
		Figures after = figures();
		assertThat(after.latencySamples()).isEqualTo(before.latencySamples() + 1);
		// an hour-long saga, far longer than any other in these tests, so the longest
		assertThat(after.latencyMax()).isEqualTo((double) Duration.ofHours(1).toMillis());
		assertThat(after.status("CANCELLED")).isEqualTo(before.status("CANCELLED") + 1);
		assertThat(after.status("CONFIRMED")).isEqualTo(before.status("CONFIRMED"));
		assertThat(after.revenue("EUR")).isEqualByComparingTo(before.revenue("EUR"));
	}

	/**
	 * Starts from no figures at all (once every earlier event is in, so none lands after
	 * the wipe), then plays a known set of orders: every figure is then known exactly,
	 * latency percentiles included, computed from the events' times.
	 */
	@Test
	void theFiguresOfAKnownSetOfOrdersAreExact() {
		awaitCaughtUp();
		this.jdbc.update("delete from order_fact");
		Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofMinutes(10));
		confirmed(t0, 100, "25.50", "EUR");
		confirmed(t0, 200, "10.00", "EUR");
		confirmed(t0, 300, "5.00", "USD");
		rejected(t0, 400, RejectionReason.OUT_OF_STOCK);
		rejected(t0, 500, RejectionReason.PAYMENT_DECLINED);
		OrderId cancelled = confirmed(t0, 600, "7.00", "EUR");
		publishAt(new OrderCancelled(cancelled, "c-exact", CancellationReason.CUSTOMER_REQUEST), t0.plusMillis(700));
		this.publisher.publish(created(OrderId.random(), "c-exact", t0));
		awaitCaughtUp();

		JsonNode summary = this.http.get("/analytics/summary").body();
		assertThat(summary.get("orders").asLong()).isEqualTo(7);
		assertThat(counts(summary.get("ordersByStatus")))
			.isEqualTo(Map.of("CONFIRMED", 3L, "REJECTED", 2L, "CANCELLED", 1L, "PENDING", 1L));
		assertThat(counts(summary.get("rejectionsByReason")))
			.isEqualTo(Map.of("OUT_OF_STOCK", 1L, "PAYMENT_DECLINED", 1L));
		assertThat(summary.get("revenue").get("EUR").decimalValue()).isEqualByComparingTo("35.50");
		assertThat(summary.get("revenue").get("USD").decimalValue()).isEqualByComparingTo("5.00");
		assertThat(summary.get("revenue").size()).isEqualTo(2);
		// the first decisions came 100, 200, ... 600 ms after creation; percentiles
		// interpolate between neighbours: p95 sits at 4.75 of the 5 gaps, p99 at 4.95
		JsonNode latency = summary.get("sagaLatencyMs");
		assertThat(latency.get("count").asLong()).isEqualTo(6);
		assertThat(latency.get("p50").asDouble()).isEqualTo(350.0);
		assertThat(latency.get("p95").asDouble()).isEqualTo(575.0);
		assertThat(latency.get("p99").asDouble()).isEqualTo(595.0);
		assertThat(latency.get("max").asDouble()).isEqualTo(600.0);
	}

	private OrderId confirmed(Instant createdAt, long afterMillis, String amount, String currency) {
		OrderId orderId = OrderId.random();
		this.publisher.publish(created(orderId, "c-exact", createdAt));
		publishAt(new OrderConfirmed(orderId, "c-exact", new BigDecimal(amount), currency),
				createdAt.plusMillis(afterMillis));
		return orderId;
	}

	private void rejected(Instant createdAt, long afterMillis, RejectionReason reason) {
		OrderId orderId = OrderId.random();
		this.publisher.publish(created(orderId, "c-exact", createdAt));
		publishAt(new OrderRejected(orderId, "c-exact", reason), createdAt.plusMillis(afterMillis));
	}

	private static Map<String, Long> counts(JsonNode counts) {
		Map<String, Long> found = new HashMap<>();
		counts.properties().forEach((count) -> found.put(count.getKey(), count.getValue().asLong()));
		return found;
	}

	private Figures figures() {
		HttpJson.Response response = this.http.get("/analytics/summary");
		assertThat(response.status()).isEqualTo(200);
		return new Figures(response.body());
	}

	/**
	 * The figures once every event published so far is in, so no earlier test's event
	 * lands between them and this test's own.
	 */
	private Figures figuresOnceCaughtUp() {
		awaitCaughtUp();
		return figures();
	}

	private static OrderCreated created(OrderId orderId, String customerId, Instant createdAt) {
		return new OrderCreated(orderId, customerId, List.of(new OrderLine("SKU-1", 2)), createdAt);
	}

	private static String customerId() {
		return "c-" + UUID.randomUUID();
	}

	/** The summary as {@code GET /analytics/summary} answers it. */
	private record Figures(JsonNode json) {

		long orders() {
			return this.json.get("orders").asLong();
		}

		long status(String status) {
			return this.json.get("ordersByStatus").path(status).asLong(0);
		}

		long rejections(String reason) {
			return this.json.get("rejectionsByReason").path(reason).asLong(0);
		}

		BigDecimal revenue(String currency) {
			JsonNode amount = this.json.get("revenue").path(currency);
			return amount.isMissingNode() ? BigDecimal.ZERO : amount.decimalValue();
		}

		long latencySamples() {
			return this.json.get("sagaLatencyMs").get("count").asLong();
		}

		double latencyMax() {
			return this.json.get("sagaLatencyMs").get("max").asDouble();
		}

	}

}
