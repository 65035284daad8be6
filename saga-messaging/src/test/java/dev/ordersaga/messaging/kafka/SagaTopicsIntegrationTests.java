package dev.ordersaga.messaging.kafka;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.SagaProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The topics' partition counts against a broker of its own (the shared one has the saga's
 * topics already): created when missing, never changed, and a start-up refused when they
 * differ from the configuration or are missing where nobody may create them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SagaTopicsIntegrationTests {

	private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);

	@BeforeAll
	void startBroker() {
		this.broker.brokerProperties(Map.of("auto.create.topics.enable", "false"));
		this.broker.afterPropertiesSet();
	}

	@AfterAll
	void stopBroker() {
		this.broker.destroy();
	}

	@Test
	@Order(1)
	void refusesToStartWhenTopicsAreMissingAndNobodyMayCreateThem() {
		SagaTopics topics = new SagaTopics(admin(), properties(2), false);

		assertThatIllegalStateException().isThrownBy(topics::afterSingletonsInstantiated)
			.withMessageContaining("Kafka has no topic order.created, order.created.dlq")
			.withMessageContaining("spring.kafka.admin.auto-create is false");
		assertThat(partitions()).isEmpty();
	}

	@Test
	@Order(2)
	void createsEveryMissingTopicWithItsPartitionCount() {
		new SagaTopics(admin(), properties(2), true).afterSingletonsInstantiated();

		assertThat(partitions()).isEqualTo(new TreeMap<>(Topics.partitionsByTopic(2)));
	}

	@Test
	@Order(3)
	void startsWhenEveryTopicHasTheConfiguredCountAndNobodyMayCreateTopics() {
		new SagaTopics(admin(), properties(2), false).afterSingletonsInstantiated();

		assertThat(partitions()).isEqualTo(new TreeMap<>(Topics.partitionsByTopic(2)));
	}

	@Test
	@Order(4)
	void refusesToStartRatherThanAddPartitions() {
		SagaTopics topics = new SagaTopics(admin(), properties(3), true);

		assertThatIllegalStateException().isThrownBy(topics::afterSingletonsInstantiated)
			.withMessageContaining("saga.topics.partitions=3")
			.withMessageContaining("order.created has 2 (expected 3)")
			.withMessageContaining("order.cancelled.dlq has 2 (expected 3)")
			.withMessageNotContaining("saga.control");
		assertThat(partitions()).isEqualTo(new TreeMap<>(Topics.partitionsByTopic(2)));
	}

	private KafkaAdmin admin() {
		return new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()));
	}

	private static SagaProperties properties(int partitions) {
		return new Binder(new MapConfigurationPropertySource(Map.of("saga.topics.partitions", partitions)))
			.bindOrCreate("saga", SagaProperties.class);
	}

	/** Partition count by topic, of every topic on the broker. */
	private Map<String, Integer> partitions() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			Map<String, Integer> found = new TreeMap<>();
			admin.describeTopics(admin.listTopics().names().get())
				.allTopicNames()
				.get()
				.forEach((name, description) -> found.put(name, description.partitions().size()));
			return found;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
