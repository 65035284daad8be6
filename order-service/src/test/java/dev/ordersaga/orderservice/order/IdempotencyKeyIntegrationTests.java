package dev.ordersaga.orderservice.order;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One Idempotency-Key sent many times at once places one order: the requests race to
 * insert it, one wins and the others answer with the winner's order.
 */
class IdempotencyKeyIntegrationTests extends OrderServiceIntegrationTest {

	private static final int REQUESTS = 20;

	@Test
	void twentyParallelRequestsWithOneKeyPlaceOneOrderAndPublishItOnce() throws Exception {
		String customerId = "c-parallel-" + UUID.randomUUID();
		String body = "{\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}";
		Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

		List<HttpJson.Response> responses = sendAtOnce(() -> this.http.post("/orders", body, key));

		assertThat(responses).extracting(HttpJson.Response::status).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(responses).extracting(HttpJson.Response::status)
			.filteredOn((status) -> status == 200)
			.hasSize(REQUESTS - 1);
		UUID orderId = UUID.fromString(responses.get(0).body().get("orderId").asString());
		assertThat(responses).extracting((response) -> response.body().get("orderId").asString())
			.containsOnly(orderId.toString());
		assertThat(this.http.get("/orders?customerId=" + customerId).body().get("orders")).hasSize(1);

		awaitOutboxFlushed(orderId);
		assertThat(recordsToTheEnd(Topics.ORDER_CREATED))
			.filteredOn((record) -> orderId.toString().equals(record.key()))
			.hasSize(1);
	}

	private List<HttpJson.Response> sendAtOnce(Supplier<HttpJson.Response> request) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService threads = Executors.newFixedThreadPool(REQUESTS)) {
			List<CompletableFuture<HttpJson.Response>> sent = IntStream.range(0, REQUESTS)
				.mapToObj((i) -> CompletableFuture.supplyAsync(() -> {
					awaitUninterruptibly(start);
					return request.get();
				}, threads))
				.toList();
			start.countDown();
			List<HttpJson.Response> responses = new ArrayList<>();
			for (CompletableFuture<HttpJson.Response> response : sent) {
				responses.add(response.get());
			}
			return responses;
		}
	}

	private static void awaitUninterruptibly(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Every record on the topic up to its end offsets as they were when the read began;
	 * fails rather than return what it read when the end is not reached, so a count of
	 * them cannot pass on a read that stopped early.
	 */
	private static List<ConsumerRecord<String, byte[]>> recordsToTheEnd(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SagaInfrastructure.endpoints().kafkaBootstrapServers(),
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, PATIENCE)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + PATIENCE.toNanos();
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < ends.get(partition))) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError("Could not read " + topic + " to its end offsets " + ends);
				}
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

}
