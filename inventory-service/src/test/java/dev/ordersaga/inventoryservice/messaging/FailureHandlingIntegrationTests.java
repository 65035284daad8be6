package dev.ordersaga.inventoryservice.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.InventoryStatus;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.Topics;
import dev.ordersaga.inventoryservice.InventoryServiceIntegrationTest;
import dev.ordersaga.messaging.test.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Retries, dead letters and idempotency under injected faults, with real Kafka,
 * PostgreSQL and Redis: the fault switch makes the handler fail on purpose.
 */
@TestPropertySource(properties = { "saga.faults.enabled=true", "saga.retry.max-attempts=3",
		"saga.retry.initial-interval=100ms", "saga.retry.max-interval=400ms" })
class FailureHandlingIntegrationTests extends InventoryServiceIntegrationTest {

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@AfterEach
	void switchFaultsOff() {
		this.http.post("/actuator/faults", "{\"failureRate\":0,\"failNext\":0,\"latencyMs\":0,\"eventType\":\"\"}");
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
	void aHandlerThatAlwaysFailsIsDeadLetteredAfterExactlyTheConfiguredAttemptsAcrossARestart() {
		String sku = stock(10);
		long injectedBefore = injected();
		faults("{\"failureRate\":1.0,\"eventType\":\"order.created\"}");
		OrderId orderId = OrderId.random();
		this.publisher.publish(new OrderCreated(orderId, "c-doomed", List.of(new OrderLine(sku, 1)), Instant.now()));

		String attemptsKey = await().atMost(PATIENCE).until(() -> attemptKey(orderId), (key) -> key != null);
		this.listeners.stop();
		assertThat(this.redis.opsForValue().get(attemptsKey)).isNotNull();
		this.listeners.start();

		ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE)
			.until(() -> this.topics.records(Topics.deadLetterOf(Topics.ORDER_CREATED), orderId.value()),
					(records) -> records.size() == 1)
			.get(0);
		assertThat(TopicProbe.header(dead, EventHeaders.ATTEMPTS)).isEqualTo("3");
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-fqcn"))
			.isEqualTo("dev.ordersaga.messaging.inbox.RetriesExhaustedException");
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-cause-fqcn"))
			.isEqualTo("dev.ordersaga.messaging.faults.InjectedFaultException");
		assertThat(TopicProbe.header(dead, "kafka_dlt-original-consumer-group")).isEqualTo("inventory-service");
		assertThat(injected() - injectedBefore).isEqualTo(3);
		assertThat(reserved(sku)).isZero();
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
		this.redis.execute((org.springframework.data.redis.core.RedisCallback<Object>) (connection) -> {
			connection.serverCommands().flushDb();
			return null;
		});
		this.publisher.publish(order, eventId);
		await().atMost(PATIENCE).until(() -> duplicates() >= duplicatesBefore + 2);

		awaitOutboxFlushed(orderId.value());
		assertThat(statuses(orderId)).containsExactly(InventoryStatus.RESERVED);
		assertThat(reserved(sku)).isEqualTo(3);
	}

	private void faults(String settings) {
		assertThat(this.http.post("/actuator/faults", settings).status()).isEqualTo(200);
	}

	private long injected() {
		return this.http.get("/actuator/faults").body().get("injected").asLong();
	}

	private double duplicates() {
		return this.meters.counter("saga.inbox.duplicates").count();
	}

	/** The attempt counter's key of the order's record, once it exists. */
	private String attemptKey(OrderId orderId) {
		List<ConsumerRecord<String, byte[]>> records = this.topics.records(Topics.ORDER_CREATED, orderId.value());
		if (records.isEmpty()) {
			return null;
		}
		ConsumerRecord<String, byte[]> record = records.get(0);
		String key = "saga:attempts:inventory-service:" + record.topic() + ":" + record.partition() + ":"
				+ record.offset() + ":" + record.timestamp();
		return Boolean.TRUE.equals(this.redis.hasKey(key)) ? key : null;
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
