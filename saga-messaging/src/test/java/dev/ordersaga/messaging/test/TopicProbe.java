package dev.ordersaga.messaging.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is on a topic, from the beginning and without a consumer group, so tests can
 * assert on the records a service published. Every call reads the topic afresh.
 */
public final class TopicProbe {

	private final String bootstrapServers;

	private final EventCodec codec = new EventCodec();

	public TopicProbe(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/** Every record on the topic now. */
	public List<ConsumerRecord<String, byte[]>> records(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (partitions.stream().anyMatch((tp) -> consumer.position(tp) < end.get(tp))
					&& System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records;
		}
	}

	/** The records on the topic for one order. */
	public List<ConsumerRecord<String, byte[]>> records(String topic, UUID orderId) {
		return records(topic).stream().filter((record) -> orderId.toString().equals(record.key())).toList();
	}

	/** The events on the topic for one order, decoded. */
	public List<SagaEvent> events(String topic, UUID orderId) {
		return records(topic, orderId).stream().map((record) -> this.codec.read(record).payload()).toList();
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
