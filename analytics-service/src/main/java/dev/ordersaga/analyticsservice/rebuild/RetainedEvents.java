package dev.ordersaga.analyticsservice.rebuild;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Which events of the topics are still on the broker. */
@Component
class RetainedEvents {

	private static final long PATIENCE_SECONDS = 20;

	private final KafkaAdmin kafkaAdmin;

	RetainedEvents(KafkaAdmin kafkaAdmin) {
		this.kafkaAdmin = kafkaAdmin;
	}

	/**
	 * The partitions whose first records are gone (deleted by retention), each as
	 * {@code topic-partition starts at offset}, sorted; empty when every record ever
	 * written is still there.
	 */
	List<String> trimmedPartitions(Collection<String> topics) {
		try (Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties())) {
			Map<String, TopicDescription> described = await(admin.describeTopics(topics).allTopicNames());
			Map<TopicPartition, OffsetSpec> earliest = described.values()
				.stream()
				.flatMap((topic) -> topic.partitions()
					.stream()
					.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
				.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.earliest()));
			Map<TopicPartition, ListOffsetsResultInfo> starts = await(admin.listOffsets(earliest).all());
			return starts.entrySet()
				.stream()
				.filter((start) -> start.getValue().offset() > 0)
				.map((start) -> start.getKey() + " starts at " + start.getValue().offset())
				.sorted()
				.toList();
		}
	}

	private static <T> T await(KafkaFuture<T> future) {
		try {
			return future.get(PATIENCE_SECONDS, TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = NestedExceptionUtils.getMostSpecificCause(ex);
			throw new IllegalStateException("Kafka refused: " + cause.getMessage(), cause);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Kafka did not answer within " + PATIENCE_SECONDS + " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
