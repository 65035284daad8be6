package dev.ordersaga.messaging.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what is on a topic, from the beginning and without a consumer group, so tests can
 * assert on the records a service published. Every call reads the topic afresh.
 */
public final class TopicProbe {

	/** How long one read of a topic may take before it fails. */
	private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

	private final String bootstrapServers;

	private final EventCodec codec = new EventCodec();

	public TopicProbe(String bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	/**
	 * Every record on the topic now: read up to the end offsets it had when the read
	 * began, so that "nothing was published" is a statement about the whole topic.
	 * @throws IllegalStateException if the end is not reached within the time allowed
	 */
	public List<ConsumerRecord<String, byte[]>> records(String topic) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, READ_TIMEOUT)
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			if (partitions.isEmpty()) {
				throw new IllegalStateException("Topic " + topic + " does not exist");
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
			List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
			while (!behind(consumer, end).isEmpty()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException(
							"Read " + records.size() + " records of " + topic + " but did not reach its end offsets "
									+ end + " within " + READ_TIMEOUT + "; still behind on " + behind(consumer, end));
				}
				consumer.poll(Duration.ofMillis(200)).forEach(records::add);
			}
			return records.stream()
				.filter((record) -> record.offset() < end.get(new TopicPartition(topic, record.partition())))
				.toList();
		}
	}

	private static List<TopicPartition> behind(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
		return end.keySet().stream().filter((tp) -> consumer.position(tp, READ_TIMEOUT) < end.get(tp)).toList();
	}

	/** The records on the topic for one order. */
	public List<ConsumerRecord<String, byte[]>> records(String topic, UUID orderId) {
		return records(topic).stream().filter((record) -> orderId.toString().equals(record.key())).toList();
	}

	/** The events on the topic for one order, decoded. */
	public List<SagaEvent> events(String topic, UUID orderId) {
		return records(topic, orderId).stream().map((record) -> this.codec.read(record).payload()).toList();
	}

	/**
	 * The offset the group committed for the record's partition: the next record it will
	 * read there after a restart or a rebalance; -1 when it committed none.
	 */
	public long committedOffset(String group, ConsumerRecord<?, ?> record) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		// a consumer that never subscribes reads the group's offsets without joining it
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			OffsetAndMetadata committed = consumer.committed(Set.of(partition), READ_TIMEOUT).get(partition);
			return (committed != null) ? committed.offset() : -1;
		}
	}

	public static String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

}
