package dev.ordersaga.ops.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/** Reads what a topic holds now, from its start to its end, without a consumer group. */
public final class TopicReader {

	private TopicReader() {
	}

	public static List<ConsumerRecord<byte[], byte[]>> readAll(KafkaAccess access, String topic, int atMost) {
		try (KafkaConsumer<byte[], byte[]> consumer = access.consumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (records.size() < atMost && System.nanoTime() < deadline && partitions.stream()
				.anyMatch((tp) -> consumer.position(tp) < Objects.requireNonNull(end.get(tp)))) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (records.size() < atMost) {
						records.add(record);
					}
				}
			}
			return records;
		}
	}

}
