package dev.ordersaga.inventoryservice.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
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
import dev.ordersaga.messaging.test.ConsumedRecords;
import dev.ordersaga.messaging.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replays while the service runs: a request on the control topic moves the running
 * listener back, it answers with what it moved, and what it consumes again (that very
 * record, handed to the listener again after its offset was committed) changes nothing; a
 * partition that had no owner when the request came is moved back when it is assigned; a
 * poison record consumed again is not dead-lettered twice.
 */
class ReplayIntegrationTests extends InventoryServiceIntegrationTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private ConsumedRecords consumed;

	@Autowired
	private KafkaListenerEndpointRegistry containers;

	@Value("${spring.kafka.listener.concurrency}")
	private int concurrency;

	@Test
	void aReplayRequestMakesTheRunningListenerConsumeAgainAndAnswerWithoutReservingTwice() {
		String sku = "SKU-" + UUID.randomUUID();
		ConsumerRecord<String, byte[]> created = reservedOrder(sku, 2);

		ReplaySeeked answer = replay(created.partition(), created.offset());

		assertThat(answer.group()).isEqualTo("inventory-service");
		assertThat(answer.topic()).isEqualTo(Topics.ORDER_CREATED);
		assertThat(answer.offsets()).containsEntry(created.partition(), created.offset());
		this.consumed.awaitTimes(created, 2, PATIENCE);
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
		awaitCommitted(poison);

		replay(poison.partition(), poison.offset());
		this.consumed.awaitTimes(poison, 2, PATIENCE);

		assertThat(deadLetters(orderId)).hasSize(1);
	}

	@Test
	void aPartitionAssignedShortlyAfterAReplayOfItIsConsumedAgainByItsNewOwner() {
		String sku = "SKU-" + UUID.randomUUID();
		ConsumerRecord<String, byte[]> created = reservedOrder(sku, 3);

		// no consumer owns the partition when the request comes: as in a rebalance
		this.containers.getListenerContainers().forEach(MessageListenerContainer::stop);
		try {
			ReplaySeeked answer = replay(created.partition(), created.offset(), false);
			assertThat(answer.offsets()).isEmpty();
		}
		finally {
			this.containers.getListenerContainers().forEach(MessageListenerContainer::start);
		}

		this.consumed.awaitTimes(created, 2, PATIENCE);
		assertThat(this.http.get("/products/" + sku).body().get("reserved").asInt()).isEqualTo(3);
	}

	/**
	 * Waits until the group committed past the record, so that nothing but a replay hands
	 * it to the listener again (a rebalance redelivers only what is not committed).
	 */
	private void awaitCommitted(ConsumerRecord<String, byte[]> record) {
		await().atMost(PATIENCE)
			.until(() -> this.topics.committedOffset("inventory-service", record) > record.offset());
		assertThat(this.consumed.times(record)).isEqualTo(1);
	}

	/**
	 * An order reserving stock of a new product, consumed once and committed; returns its
	 * order.created record.
	 */
	private ConsumerRecord<String, byte[]> reservedOrder(String sku, int quantity) {
		assertThat(this.http
			.put("/products/" + sku, "{\"name\":\"Widget\",\"unitPrice\":5.00,\"currency\":\"EUR\",\"onHand\":10}")
			.status()).isEqualTo(201);
		OrderId orderId = OrderId.random();
		awaitProcessed(this.publisher
			.publish(new OrderCreated(orderId, "c-replay", List.of(new OrderLine(sku, quantity)), Instant.now())));
		ConsumerRecord<String, byte[]> created = this.topics.records(Topics.ORDER_CREATED, orderId.value()).get(0);
		awaitCommitted(created);
		return created;
	}

	private ReplaySeeked replay(int partition, long offset) {
		return replay(partition, offset, true);
	}

	/**
	 * Asks inventory-service to replay from the offset, and waits for its answer. When
	 * the partition should be owned, first waits until the group has settled with each of
	 * the listener's consumers holding partitions (an earlier test may have restarted
	 * them), and asks again should the answer still find no owner (a rebalance can start
	 * at any time): a replay is then consumed again more than once, never less.
	 */
	private ReplaySeeked replay(int partition, long offset, boolean owned) {
		TopicPartition topicPartition = new TopicPartition(Topics.ORDER_CREATED, partition);
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (true) {
			if (owned) {
				awaitSettled(topicPartition);
			}
			ReplaySeeked answer = requestReplay(partition, offset);
			if (!owned || answer.offsets().containsKey(partition) || System.nanoTime() > deadline) {
				return answer;
			}
		}
	}

	private ReplaySeeked requestReplay(int partition, long offset) {
		ReplayRequested request = new ReplayRequested(UUID.randomUUID(), "inventory-service", Topics.ORDER_CREATED,
				Map.of(partition, offset), "tester@test", Instant.now());
		this.publisher.publishRaw(Topics.CONTROL, request.group(), JSON.writeValueAsBytes(request),
				Map.of(EventHeaders.TYPE, ControlTopic.REPLAY_REQUESTED));
		return await().atMost(PATIENCE)
			.until(() -> this.topics.records(Topics.CONTROL)
				.stream()
				.filter((record) -> ControlTopic.REPLAY_SEEKED.equals(TopicProbe.header(record, EventHeaders.TYPE)))
				.map((record) -> JSON.readValue(record.value(), ReplaySeeked.class))
				.filter((answer) -> answer.requestId().equals(request.id()))
				.findFirst()
				.orElse(null), (answer) -> answer != null);
	}

	/**
	 * Waits until the listener's container owns the partition and each of its consumers
	 * holds partitions of its own.
	 */
	private void awaitSettled(TopicPartition partition) {
		await().atMost(PATIENCE).until(() -> this.containers.getListenerContainers().stream().anyMatch((container) -> {
			Collection<TopicPartition> owned = container.getAssignedPartitions();
			Map<String, Collection<TopicPartition>> byConsumer = container.getAssignmentsByClientId();
			return container.isRunning() && owned != null && owned.contains(partition) && byConsumer != null
					&& byConsumer.size() == this.concurrency
					&& byConsumer.values().stream().allMatch((assigned) -> assigned != null && !assigned.isEmpty());
		}));
	}

	private List<ConsumerRecord<String, byte[]>> deadLetters(OrderId orderId) {
		return this.topics.records(Topics.deadLetterOf(Topics.ORDER_CREATED), orderId.value());
	}

}
