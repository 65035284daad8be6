package dev.ordersaga.messaging.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.SagaProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes sure, before any listener subscribes and unless {@code saga.topics.verify=false},
 * that every topic of {@link Topics#partitionsByTopic} exists with exactly
 * {@code saga.topics.partitions} partitions. Missing topics are created unless
 * {@code spring.kafka.admin.auto-create} is false (where topics are someone else's, e.g.
 * Strimzi's {@code KafkaTopic}s). A topic with another partition count stops the
 * start-up: adding partitions would send an order's later events to another partition
 * than its earlier ones and break the order per key, and fewer than configured is a
 * deployment that disagrees with itself. A broker that cannot be reached, or refuses the
 * service's login, is not checked: the service starts, its Kafka health says why, and it
 * consumes once the broker is back or the credentials are fixed, as with Spring's own
 * topic creation.
 */
public class SagaTopics implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(SagaTopics.class);

	private final KafkaAdmin admin;

	private final SagaProperties.Topics settings;

	private final boolean autoCreate;

	/**
	 * @param admin Spring's admin, for its client settings and timeout
	 * @param properties the partition count and replication factor
	 * @param autoCreate whether missing topics may be created
	 * ({@code spring.kafka.admin.auto-create})
	 */
	public SagaTopics(KafkaAdmin admin, SagaProperties properties, boolean autoCreate) {
		this.admin = admin;
		this.settings = properties.topics();
		this.autoCreate = autoCreate;
	}

	@Override
	public void afterSingletonsInstantiated() {
		if (!this.settings.verify()) {
			return;
		}
		SequencedMap<String, Integer> expected = Topics.partitionsByTopic(this.settings.partitions());
		Admin client = Admin.create(this.admin.getConfigurationProperties());
		try {
			Map<String, Integer> found = partitions(client, expected.keySet());
			List<String> missing = expected.keySet().stream().filter((topic) -> !found.containsKey(topic)).toList();
			if (!missing.isEmpty()) {
				if (!this.autoCreate) {
					throw new IllegalStateException("Kafka has no topic " + String.join(", ", missing)
							+ " and spring.kafka.admin.auto-create is false: create them first, with the partition"
							+ " counts of saga.topics.partitions=" + this.settings.partitions());
				}
				create(client, missing, expected);
				found.putAll(partitions(client, missing));
			}
			List<String> wrong = new ArrayList<>();
			expected.forEach((topic, partitions) -> {
				Integer actual = found.get(topic);
				if (actual != null && actual.intValue() != partitions) {
					wrong.add(topic + " has " + actual + " (expected " + partitions + ")");
				}
			});
			if (!wrong.isEmpty()) {
				throw new IllegalStateException("Topic partition counts differ from saga.topics.partitions="
						+ this.settings.partitions() + ": " + String.join(", ", wrong)
						+ ". Refusing to start: adding partitions would move orders to other partitions and break"
						+ " their event order; set saga.topics.partitions to the topics' count, or recreate the"
						+ " topics empty");
			}
		}
		catch (TimeoutException ex) {
			log.warn("Could not check the saga's topics: Kafka did not answer within {} s; starting anyway",
					this.admin.getOperationTimeout());
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof AuthenticationException refused) {
				// like a broker that is down: the service starts and its Kafka health
				// says why
				log.warn("Could not check the saga's topics: Kafka refused the login ({}); starting anyway",
						refused.getMessage());
				return;
			}
			throw new IllegalStateException("Could not check the saga's topics: " + ex.getCause(), ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while checking the saga's topics", ex);
		}
		finally {
			// without waiting for requests still pending on a broker that did not answer
			client.close(Duration.ZERO);
		}
	}

	/** Partition count by topic, for the topics that exist. */
	private Map<String, Integer> partitions(Admin client, Collection<String> topics)
			throws ExecutionException, InterruptedException, TimeoutException {
		Map<String, KafkaFuture<TopicDescription>> descriptions = client.describeTopics(topics).topicNameValues();
		Map<String, Integer> found = new HashMap<>();
		for (Map.Entry<String, KafkaFuture<TopicDescription>> entry : descriptions.entrySet()) {
			@Nullable TopicDescription description = existing(entry.getValue());
			if (description != null) {
				found.put(entry.getKey(), description.partitions().size());
			}
		}
		return found;
	}

	private @Nullable TopicDescription existing(KafkaFuture<TopicDescription> description)
			throws ExecutionException, InterruptedException, TimeoutException {
		try {
			return description.get(this.admin.getOperationTimeout(), TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof UnknownTopicOrPartitionException) {
				return null;
			}
			throw ex;
		}
	}

	private void create(Admin client, List<String> missing, Map<String, Integer> expected)
			throws ExecutionException, InterruptedException, TimeoutException {
		Optional<Short> replicationFactor = Optional.ofNullable(this.settings.replicationFactor());
		List<NewTopic> topics = expected.entrySet()
			.stream()
			.filter((topic) -> missing.contains(topic.getKey()))
			.map((topic) -> new NewTopic(topic.getKey(), Optional.of(topic.getValue()), replicationFactor))
			.toList();
		for (KafkaFuture<Void> created : client.createTopics(topics).values().values()) {
			try {
				created.get(this.admin.getOperationTimeout(), TimeUnit.SECONDS);
			}
			catch (ExecutionException ex) {
				// another instance may have created it meanwhile: that is fine
				if (!(ex.getCause() instanceof TopicExistsException)) {
					throw ex;
				}
			}
		}
		log.info("Created topics {}", missing);
	}

}
