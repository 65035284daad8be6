package dev.ordersaga.inventoryservice.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.Topics;
import dev.ordersaga.inventoryservice.InventoryServiceIntegrationTest;
import dev.ordersaga.messaging.test.TopicProbe;
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
 * The attempt count of a failing record lives in Redis, so stopping and starting the
 * listeners does not reset it. The backoff between attempts is an hour: the container
 * never retries on its own during the test, a stop cuts the backoff short and a start
 * polls the record again at once, so each restart brings exactly one more attempt and the
 * test steps through them whatever the machine's speed.
 */
@TestPropertySource(properties = { "saga.faults.enabled=true", "saga.retry.max-attempts=3",
		"saga.retry.initial-interval=1h", "saga.retry.max-interval=1h" })
class RetriesAcrossRestartsIntegrationTests extends InventoryServiceIntegrationTest {

	@Autowired
	private StringRedisTemplate redis;

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@AfterEach
	void switchFaultsOffAndListenersOn() {
		this.listeners.start();
		this.management.post("/actuator/faults",
				"{\"failureRate\":0,\"failNext\":0,\"latencyMs\":0,\"eventType\":\"\"}");
	}

	@Test
	void aHandlerThatAlwaysFailsIsDeadLetteredAfterExactlyTheConfiguredAttemptsAcrossRestarts() {
		String sku = stock(10);
		long injectedBefore = injected();
		assertThat(this.management.post("/actuator/faults", "{\"failureRate\":1.0,\"eventType\":\"order.created\"}")
			.status()).isEqualTo(200);
		OrderId orderId = OrderId.random();
		this.publisher.publish(new OrderCreated(orderId, "c-doomed", List.of(new OrderLine(sku, 1)), Instant.now()));
		String attemptsKey = attemptsKey(orderId);

		for (long attempt = 1; attempt < 3; attempt++) {
			long failed = attempt;
			await().atMost(PATIENCE).until(() -> attempts(attemptsKey) == failed);
			this.listeners.stop();
			assertThat(attempts(attemptsKey)).isEqualTo(failed);
			assertThat(deadLetters(orderId)).isEmpty();
			this.listeners.start();
		}

		ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE)
			.until(() -> deadLetters(orderId), (records) -> records.size() == 1)
			.get(0);
		assertThat(TopicProbe.header(dead, EventHeaders.ATTEMPTS)).isEqualTo("3");
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-fqcn"))
			.isEqualTo("dev.ordersaga.messaging.inbox.RetriesExhaustedException");
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-cause-fqcn"))
			.isEqualTo("dev.ordersaga.messaging.faults.InjectedFaultException");
		assertThat(TopicProbe.header(dead, "kafka_dlt-original-consumer-group")).isEqualTo("inventory-service");
		assertThat(injected() - injectedBefore).isEqualTo(3);
		assertThat(this.redis.hasKey(attemptsKey)).isFalse();
		assertThat(this.http.get("/products/" + sku).body().get("reserved").asInt()).isZero();
	}

	@Test
	void aRecordThatSucceedsOnALaterAttemptLeavesNoCountBehind() {
		String sku = stock(10);
		assertThat(
				this.management.post("/actuator/faults", "{\"failNext\":1,\"eventType\":\"order.created\"}").status())
			.isEqualTo(200);
		OrderId orderId = OrderId.random();
		this.publisher.publish(new OrderCreated(orderId, "c-lucky", List.of(new OrderLine(sku, 1)), Instant.now()));
		String attemptsKey = attemptsKey(orderId);
		await().atMost(PATIENCE).until(() -> attempts(attemptsKey) == 1);

		this.listeners.stop();
		this.listeners.start();

		await().atMost(PATIENCE).until(() -> this.http.get("/products/" + sku).body().get("reserved").asInt() == 1);
		String eventId = TopicProbe.header(this.topics.records(Topics.ORDER_CREATED, orderId.value()).get(0),
				EventHeaders.ID);
		await().atMost(PATIENCE).until(() -> "done".equals(this.redis.opsForValue().get(doneKey(eventId))));
		assertThat(this.redis.hasKey(attemptsKey)).isFalse();
		assertThat(deadLetters(orderId)).isEmpty();
	}

	/**
	 * The key of the order's record's attempt count (the record is the order's only one).
	 */
	private String attemptsKey(OrderId orderId) {
		ConsumerRecord<String, byte[]> record = await().atMost(PATIENCE)
			.until(() -> this.topics.records(Topics.ORDER_CREATED, orderId.value()), (records) -> records.size() == 1)
			.get(0);
		return "saga:attempts:inventory-service:" + record.topic() + ":" + record.partition() + ":" + record.offset()
				+ ":" + record.timestamp();
	}

	private static String doneKey(String eventId) {
		return "saga:processed:inventory-service:" + eventId;
	}

	private long attempts(String key) {
		String attempts = this.redis.opsForValue().get(key);
		return (attempts != null) ? Long.parseLong(attempts) : 0;
	}

	private List<ConsumerRecord<String, byte[]>> deadLetters(OrderId orderId) {
		return this.topics.records(Topics.deadLetterOf(Topics.ORDER_CREATED), orderId.value());
	}

	private long injected() {
		return this.management.get("/actuator/faults").body().get("injected").asLong();
	}

	private String stock(int onHand) {
		String sku = "SKU-" + UUID.randomUUID();
		assertThat(this.http
			.put("/products/" + sku,
					"{\"name\":\"Widget\",\"unitPrice\":5.00,\"currency\":\"EUR\",\"onHand\":" + onHand + "}")
			.status()).isEqualTo(201);
		return sku;
	}

}
