package dev.ordersaga.inventoryservice.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.InventoryStatus;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.Topics;
import dev.ordersaga.inventoryservice.InventoryServiceIntegrationTest;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.TestTokens;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries and idempotency under injected faults, with real Kafka, PostgreSQL and Redis:
 * the fault switch makes the handler fail on purpose. Dead-lettering after the last
 * attempt, across restarts, is in {@link RetriesAcrossRestartsIntegrationTests}.
 */
@TestPropertySource(properties = { "saga.faults.enabled=true", "saga.retry.max-attempts=3",
		"saga.retry.initial-interval=100ms", "saga.retry.max-interval=400ms" })
class FailureHandlingIntegrationTests extends InventoryServiceIntegrationTest {

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MeterRegistry meters;

	@AfterEach
	void switchFaultsOff() {
		this.management.post("/actuator/faults",
				"{\"failureRate\":0,\"failNext\":0,\"latencyMs\":0,\"eventType\":\"\"}");
	}

	@Test
	void onlyAnOperatorMayReachTheFaultSwitchWhileHealthAnswersAnyone() {
		HttpJson anonymous = this.management.anonymous();
		HttpJson.Response refused = anonymous.get("/actuator/faults");
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer");
		assertThat(this.management.withToken(TestTokens.customer("c-1"))
			.post("/actuator/faults", "{\"failNext\":1}")
			.status()).isEqualTo(403);
		assertThat(this.management.get("/actuator/faults").status()).isEqualTo(200);
		assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void aHandlerFailingTwiceSucceedsOnTheThirdAttemptWithOneEffect() {
		String sku = stock(10);
		long injectedBefore = injected();
		faults("{\"failNext\":2,\"eventType\":\"order.created\"}");
		OrderId orderId = OrderId.random();
		this.publisher.publish(new OrderCreated(orderId, "c-flaky", List.of(new OrderLine(sku, 2)), Instant.now()));

		await().atMost(PATIENCE).until(() -> statuses(orderId).contains(InventoryStatus.RESERVED));
		awaitOutboxFlushed(orderId.value());
		assertThat(statuses(orderId)).containsExactly(InventoryStatus.RESERVED);
		assertThat(reserved(sku)).isEqualTo(2);
		assertThat(injected() - injectedBefore).isEqualTo(2);
		assertThat(this.topics.records(Topics.deadLetterOf(Topics.ORDER_CREATED), orderId.value())).isEmpty();
	}

	@Test
	void theSameEventAppliesOnceAlsoAfterRedisLostEveryKey() {
		String sku = stock(10);
		OrderId orderId = OrderId.random();
		OrderCreated order = new OrderCreated(orderId, "c-twice", List.of(new OrderLine(sku, 3)), Instant.now());
		UUID eventId = UUID.randomUUID();
		double duplicatesBefore = duplicates();

		this.publisher.publish(order, eventId);
		awaitProcessed(eventId);
		this.publisher.publish(order, eventId);
		await().atMost(PATIENCE).until(() -> duplicates() >= duplicatesBefore + 1);
		// every key of this service's group: other suites may share the Redis database
		forgetEveryRedisKeyOfTheGroup();
		assertThat(this.redis.hasKey(doneMark(eventId))).isFalse();
		this.publisher.publish(order, eventId);
		// the copy found its row in the database and marked the event done in Redis again
		await().atMost(PATIENCE).until(() -> "done".equals(this.redis.opsForValue().get(doneMark(eventId))));
		assertThat(duplicates()).isGreaterThanOrEqualTo(duplicatesBefore + 2);

		awaitOutboxFlushed(orderId.value());
		assertThat(statuses(orderId)).containsExactly(InventoryStatus.RESERVED);
		assertThat(reserved(sku)).isEqualTo(3);
	}

	private void forgetEveryRedisKeyOfTheGroup() {
		try (Cursor<String> keys = this.redis
			.scan(ScanOptions.scanOptions().match("saga:*:inventory-service:*").build())) {
			keys.forEachRemaining(this.redis::delete);
		}
	}

	private void faults(String settings) {
		assertThat(this.management.post("/actuator/faults", settings).status()).isEqualTo(200);
	}

	private long injected() {
		return this.management.get("/actuator/faults").body().get("injected").asLong();
	}

	private double duplicates() {
		return this.meters.counter("saga.inbox.duplicates").count();
	}

	private static String doneMark(UUID eventId) {
		return "saga:processed:inventory-service:" + eventId;
	}

	private String stock(int onHand) {
		String sku = "SKU-" + UUID.randomUUID();
		assertThat(this.http
			.put("/products/" + sku,
					"{\"name\":\"Widget\",\"unitPrice\":5.00,\"currency\":\"EUR\",\"onHand\":" + onHand + "}")
			.status()).isEqualTo(201);
		return sku;
	}

	private int reserved(String sku) {
		return this.http.get("/products/" + sku).body().get("reserved").asInt();
	}

	private List<InventoryStatus> statuses(OrderId orderId) {
		return this.topics.events(Topics.INVENTORY_UPDATED, orderId.value())
			.stream()
			.map((event) -> ((InventoryUpdated) event).status())
			.toList();
	}

}
