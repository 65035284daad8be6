package dev.ordersaga.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;

import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.TestTokens;
import dev.ordersaga.messaging.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The saga's happy path through the packaged services, driven over HTTP only; idempotent
 * order placement, API errors, and a crash of inventory-service mid-saga.
 */
@ExtendWith(ThreadDumpsOnFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HappyPathEndToEndIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private RunningSaga saga;

	private ServiceProcess orders;

	private ServiceProcess inventory;

	private ServiceProcess payment;

	private ServiceProcess notification;

	private ServiceProcess analytics;

	@BeforeAll
	void startTheSaga() {
		this.saga = RunningSaga.get();
		this.orders = this.saga.orders;
		this.inventory = this.saga.inventory;
		this.payment = this.saga.payment;
		this.notification = this.saga.notification;
		this.analytics = this.saga.analytics;
	}

	@Test
	@Order(1)
	void anOrderIsReservedChargedConfirmedNotifiedAndCounted() {
		String sku = "SKU-" + shortId();
		String customer = "c-" + shortId();
		seed(sku, 10, customer, "100.00");
		long countedBefore = this.analytics.http().get("/analytics/summary").body().get("orders").asLong();

		// the customer orders and follows the order with a token from sagactl, as the
		// README does
		Sagactl.Run signed = Sagactl.run(List.of("token", "--customer", customer));
		assertThat(signed.exitCode()).as(signed.output()).isZero();
		String token = signed.output().strip();
		// the client's own trace: the saga's spans join it
		String clientTrace = UUID.randomUUID().toString().replace("-", "");
		String clientSpan = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		HttpJson.Response placed = this.orders.http()
			.withToken(token)
			.post("/orders", "{\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":2}]}",
					Map.of(EventHeaders.TRACEPARENT, "00-" + clientTrace + "-" + clientSpan + "-01"));
		assertThat(placed.status()).isEqualTo(201);
		String orderId = placed.body().get("orderId").asString();
		assertThat(placed.header("Location")).isEqualTo("/orders/" + orderId);
		assertThat(placed.body().get("customerId").asString()).isEqualTo(customer);

		JsonNode order = this.orders.http().withToken(token).get("/orders/" + orderId + "?wait=20s").body();
		assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.get("totalAmount").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(order.get("history").valueStream().map((change) -> change.get("status").asString()))
			.containsExactly("PENDING", "RESERVED", "CONFIRMED");

		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode product = this.inventory.http().get("/products/" + sku).body();
			assertThat(product.get("onHand").asInt()).isEqualTo(8);
			assertThat(product.get("reserved").asInt()).isZero();
		});
		assertThat(
				this.payment.http().withToken(token).get("/accounts/" + customer).body().get("balance").decimalValue())
			.isEqualByComparingTo("75.00");
		assertThat(this.payment.http().withToken(token).everyItem("/payments?orderId=" + orderId, "payments"))
			.singleElement()
			.satisfies((charge) -> assertThat(charge.get("status").asString()).isEqualTo("CHARGED"));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.notification.http()
				.withToken(token)
				.everyItem("/notifications?orderId=" + orderId, "notifications")).singleElement()
				.satisfies((note) -> assertThat(note.get("kind").asString()).isEqualTo("ORDER_CONFIRMED")));
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode summary = this.analytics.http().get("/analytics/summary").body();
			assertThat(summary.get("orders").asLong()).isEqualTo(countedBefore + 1);
			assertThat(summary.get("ordersByStatus").get("CONFIRMED").asLong()).isPositive();
			assertThat(summary.get("revenue").get("EUR").decimalValue())
				.isGreaterThanOrEqualTo(new java.math.BigDecimal("25.00"));
			assertThat(summary.get("sagaLatencyMs").get("count").asLong()).isPositive();
		});
		assertOneTraceFollowsTheOrder(UUID.fromString(orderId), clientTrace, clientSpan);
	}

	/**
	 * Each service wrote its event in a span of its own, in the client's trace: every
	 * record of the order carries the client's trace id, each a different parent span.
	 */
	private void assertOneTraceFollowsTheOrder(UUID orderId, String clientTrace, String clientSpan) {
		TopicProbe topics = new TopicProbe(this.saga.infra.kafkaBootstrapServers());
		List<String> traceparents = new ArrayList<>();
		for (String topic : List.of(Topics.ORDER_CREATED, Topics.INVENTORY_UPDATED, Topics.PAYMENT_COMPLETED,
				Topics.ORDER_CONFIRMED)) {
			List<ConsumerRecord<String, byte[]>> records = topics.records(topic, orderId);
			// inventory.updated holds the reservation and, once the order is confirmed,
			// its commit
			assertThat(records).as("%s records of order %s", topic, orderId).isNotEmpty();
			records.forEach((record) -> traceparents.add(TopicProbe.header(record, EventHeaders.TRACEPARENT)));
		}
		assertThat(traceparents)
			.allSatisfy((traceparent) -> assertThat(traceparent).matches("00-" + clientTrace + "-[0-9a-f]{16}-01")
				.isNotEqualTo("00-" + clientTrace + "-" + clientSpan + "-01"));
		assertThat(traceparents).doesNotHaveDuplicates();
	}

	@Test
	@Order(2)
	void placingTheSameOrderWithTheSameKeyCreatesItOnce() {
		String customer = "c-" + shortId();
		String key = UUID.randomUUID().toString();
		String body = "{\"customerId\":\"" + customer + "\",\"items\":[{\"sku\":\"SKU-X\",\"quantity\":1}]}";
		HttpJson.Response first = this.orders.http().post("/orders", body, Map.of("Idempotency-Key", key));
		HttpJson.Response second = this.orders.http().post("/orders", body, Map.of("Idempotency-Key", key));
		HttpJson.Response other = this.orders.http()
			.post("/orders", body.replace("\"quantity\":1", "\"quantity\":5"), Map.of("Idempotency-Key", key));

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(200);
		assertThat(second.body().get("orderId")).isEqualTo(first.body().get("orderId"));
		assertThat(other.status()).isEqualTo(422);
		assertThat(this.orders.http().get("/orders?customerId=" + customer).body().get("orders").size()).isEqualTo(1);
	}

	@Test
	@Order(3)
	void healthShowsItsDetailsOnlyToAnOperator() {
		HttpJson.Response anonymous = this.payment.management().anonymous().get("/actuator/health");
		HttpJson.Response customer = this.payment.management()
			.withToken(TestTokens.customer("c-1"))
			.get("/actuator/health");
		HttpJson.Response operator = this.payment.management().get("/actuator/health");

		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.body().get("status").asString()).isEqualTo("UP");
		assertThat(anonymous.body().has("components")).isFalse();
		assertThat(customer.body().has("components")).isFalse();
		assertThat(operator.body().get("components").get("db").get("status").asString()).isEqualTo("UP");
	}

	@Test
	@Order(4)
	void badInputAndUnknownOrdersAreProblemsWithoutStackTraces() {
		long logFrom = this.orders.logSize();
		HttpJson.Response bad = this.orders.http()
			.post("/orders", "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":0}]}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(bad.body().get("errors").get(0).get("field").asString()).isEqualTo("items[0].quantity");

		HttpJson.Response unknown = this.orders.http().get("/orders/" + UUID.randomUUID());
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.header("Content-Type")).isEqualTo("application/problem+json");

		// only this test's requests, and only frames of the request path:
		// the other classes sharing this saga leave stack traces of their own
		// (a poison record's, an outage's)
		assertThat(this.orders.logFrom(logFrom)).doesNotContain("\tat org.springframework.web.")
			.doesNotContain("\tat org.apache.catalina.");
	}

	@Test
	@Order(5)
	void anOrderPlacedJustBeforeInventoryCrashesIsStillConfirmedAndStockIsTakenOnce() throws InterruptedException {
		String sku = "SKU-" + shortId();
		String customer = "c-" + shortId();
		seed(sku, 10, customer, "100.00");

		HttpJson.Response placed = this.orders.http()
			.post("/orders",
					"{\"customerId\":\"" + customer + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":3}]}");
		assertThat(placed.status()).isEqualTo(201);
		this.inventory.kill();
		this.inventory.start(this.saga.infra);
		await().atMost(RunningSaga.START_UP).pollInterval(Duration.ofSeconds(1)).until(this.inventory::isHealthy);

		String orderId = placed.body().get("orderId").asString();
		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(this.orders.http().get("/orders/" + orderId).body().get("status").asString())
						.isEqualTo("CONFIRMED"));
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode product = this.inventory.http().get("/products/" + sku).body();
			assertThat(product.get("onHand").asInt()).isEqualTo(7);
			assertThat(product.get("reserved").asInt()).isZero();
		});
		assertThat(this.payment.http().get("/accounts/" + customer).body().get("balance").decimalValue())
			.isEqualByComparingTo("62.50");
	}

	private void seed(String sku, int onHand, String customer, String balance) {
		this.saga.product(sku, "12.50", "EUR", onHand);
		this.saga.account(customer, balance, "EUR");
	}

	private static String shortId() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
