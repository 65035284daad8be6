package dev.ordersaga.analyticsservice;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.ServiceIntegrationTest;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.awaitility.Awaitility.await;

/**
 * The base of analytics-service's integration tests: the whole service on a random port,
 * against real Kafka, PostgreSQL and Redis; tests play order-service over Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class AnalyticsServiceIntegrationTest extends ServiceIntegrationTest {

	@Autowired
	private KafkaListenerEndpointRegistry listeners;

	@Value("${spring.kafka.consumer.group-id}")
	private String group;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		SagaInfrastructure.register(registry, "analytics");
	}

	/**
	 * Waits until the service's group has committed every record now on the topics it
	 * consumes: everything published so far is in the figures, and nothing is on its way.
	 */
	protected void awaitCaughtUp() {
		List<String> topics = this.listeners.getListenerContainers()
			.stream()
			.flatMap((container) -> Arrays.stream(container.getContainerProperties().getTopics()))
			.distinct()
			.toList();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				SagaInfrastructure.endpoints().kafkaBootstrapServers()))) {
			Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics)
				.allTopicNames()
				.get(30, TimeUnit.SECONDS)
				.values()
				.stream()
				.flatMap((topic) -> topic.partitions()
					.stream()
					.map((partition) -> new TopicPartition(topic.name(), partition.partition())))
				.collect(Collectors.toMap((partition) -> partition, (partition) -> OffsetSpec.latest()));
			Map<TopicPartition, Long> ends = admin.listOffsets(latest)
				.all()
				.get(30, TimeUnit.SECONDS)
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (end) -> end.getValue().offset()));
			await().atMost(PATIENCE).until(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(this.group)
					.partitionsToOffsetAndMetadata()
					.get(30, TimeUnit.SECONDS);
				return ends.entrySet()
					.stream()
					.allMatch((end) -> end.getValue() == 0 || (committed.get(end.getKey()) != null
							&& committed.get(end.getKey()).offset() >= end.getValue()));
			});
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not read the offsets of " + this.group, ex);
		}
	}

}
