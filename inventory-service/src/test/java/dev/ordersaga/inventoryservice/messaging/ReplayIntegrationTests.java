package dev.ordersaga.inventoryservice.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.Topics;
import dev.ordersaga.events.control.ControlTopic;
import dev.ordersaga.events.control.ReplayRequested;
import dev.ordersaga.events.control.ReplaySeeked;
import dev.ordersaga.inventoryservice.InventoryServiceIntegrationTest;
import dev.ordersaga.messaging.test.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replays while the service runs: a request on the control topic moves the running
 * listener back, it answers with what it moved, and what it consumes again changes
 * nothing; a partition that had no owner when the request came is moved back when it is
 * assigned; a poison record consumed again is not dead-lettered twice.
 */
class ReplayIntegrationTests extends InventoryServiceIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private KafkaListenerEndpointRegistry containers;

	@Test
	void aReplayRequestMakesTheRunningListenerConsumeAgainAndAnswerWithoutReservingTwice() {
		String sku = "SKU-" + UUID.randomUUID();
		ConsumerRecord<String, byte[]> created = reservedOrder(sku, 2);
		double duplicates = this.meters.counter("saga.inbox.duplicates").count();

		ReplaySeeked answer = replay(created.partition(), created.offset());

		assertThat(answer.group()).isEqualTo("inventory-service");
		assertThat(answer.topic()).isEqualTo(Topics.ORDER_CREATED);
		assertThat(answer.offsets()).containsEntry(created.partition(), created.offset());
		await().atMost(PATIENCE).until(() -> this.meters.counter("saga.inbox.duplicates").count() >= duplicates + 1);
		assertThat(this.http.get("/products/" + sku).body().get("reserved").asInt()).isEqualTo(2);
		assertThat(this.http.get("/products/" + sku).body().get("onHand").asInt()).isEqualTo(10);
	}

	@Test
	void aPoisonRecordConsumedAgainIsNotDeadLetteredTwice() {
		OrderId orderId = OrderId.random();
		this.publisher.publishRaw(Topics.ORDER_CREATED, orderId.toString(),
				"not an event".getBytes(StandardCharsets.UTF_8), Map.of());
		// the same key lands on the same partition, after the poison record
		awaitProcessed(this.publisher
			.publish(new OrderCreated(orderId, "c-replay", List.of(new OrderLine("SKU-NONE", 1)), Instant.now())));
		assertThat(deadLetters(orderId)).hasSize(1);
		ConsumerRecord<String, byte[]> poison = this.topics.records(Topics.ORDER_CREATED, orderId.value()).get(0);
		double duplicates = this.meters.counter("saga.inbox.duplicates").count();

		replay(poison.partition(), poison.offset());
		// the event after the poison record is consumed again, so the poison record was
		await().atMost(PATIENCE).until(() -> this.meters.counter("saga.inbox.duplicates").count() >= duplicates + 1);

		assertThat(deadLetters(orderId)).hasSize(1);
	}

	@Test
	void aPartitionAssignedShortlyAfterAReplayOfItIsConsumedAgainByItsNewOwner() {
		String sku = "SKU-" + UUID.randomUUID();
		ConsumerRecord<String, byte[]> created = reservedOrder(sku, 3);
		double duplicates = this.meters.counter("saga.inbox.duplicates").count();

		// no consumer owns the partition when the request comes: as in a rebalance
		this.containers.getListenerContainers().forEach(MessageListenerContainer::stop);
		try {
			ReplaySeeked answer = replay(created.partition(), created.offset(), false);
			assertThat(answer.offsets()).isEmpty();
		}
		finally {
			this.containers.getListenerContainers().forEach(MessageListenerContainer::start);
		}

		await().atMost(PATIENCE).until(() -> this.meters.counter("saga.inbox.duplicates").count() >= duplicates + 1);
		assertThat(this.http.get("/products/" + sku).body().get("reserved").asInt()).isEqualTo(3);
	}

	/** An order reserving stock of a new product; returns its order.created record. */
	private ConsumerRecord<String, byte[]> reservedOrder(String sku, int quantity) {
		assertThat(this.http
			.put("/products/" + sku, "{\"name\":\"Widget\",\"unitPrice\":5.00,\"currency\":\"EUR\",\"onHand\":10}")
			.status()).isEqualTo(201);
		OrderId orderId = OrderId.random();
		awaitProcessed(this.publisher
			.publish(new OrderCreated(orderId, "c-replay", List.of(new OrderLine(sku, quantity)), Instant.now())));
		return this.topics.records(Topics.ORDER_CREATED, orderId.value()).get(0);
	}

	private ReplaySeeked replay(int partition, long offset) {
		return replay(partition, offset, true);
	}

	/** Asks inventory-service to replay from the offset, and waits for its answer. */
	private ReplaySeeked replay(int partition, long offset, boolean owned) {
		ReplayRequested request = new ReplayRequested(UUID.randomUUID(), "inventory-service", Topics.ORDER_CREATED,
				Map.of(partition, offset), "tester@test", Instant.now());
		this.publisher.publishRaw(Topics.CONTROL, request.group(), JSON.writeValueAsBytes(request),
				Map.of(EventHeaders.TYPE, ControlTopic.REPLAY_REQUESTED));
		return await().atMost(PATIENCE)
			.until(() -> this.topics.records(Topics.CONTROL)
				.stream()
				.filter((record) -> ControlTopic.REPLAY_SEEKED.equals(TopicProbe.header(record, EventHeaders.TYPE)))
				.map((record) -> JSON.readValue(record.value(), ReplaySeeked.class))
				.filter((answer) -> answer.requestId().equals(request.id()) && (!owned || !answer.offsets().isEmpty()))
				.findFirst()
				.orElse(null), (answer) -> answer != null);
	}

	private List<ConsumerRecord<String, byte[]>> deadLetters(OrderId orderId) {
		return this.topics.records(Topics.deadLetterOf(Topics.ORDER_CREATED), orderId.value());
	}

}
