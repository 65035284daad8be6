package dev.ordersaga.ops.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import dev.ordersaga.ops.CommandFailed;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka clients for one command run, configured to fail within seconds when the broker
 * cannot be reached, with a message a person can act on.
 */
public final class KafkaAccess implements AutoCloseable {

	/** The broker could not be reached, or answered with an error. */
	public static final class Unavailable extends CommandFailed {

		public Unavailable(String message) {
			super(message);
		}

	}

	private static final Duration PATIENCE = Duration.ofSeconds(5);

	private static final Comparator<TopicPartition> BY_TOPIC_AND_PARTITION = Comparator.comparing(TopicPartition::topic)
		.thenComparingInt(TopicPartition::partition);

	private final String bootstrap;

	private final Admin admin;

	public KafkaAccess(String bootstrap) {
		this.bootstrap = bootstrap;
		this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis(),
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis()));
	}

	public String bootstrap() {
		return this.bootstrap;
	}

	public Admin admin() {
		return this.admin;
	}

	/** Every topic's name; also proves the broker answers. */
	public Set<String> topicNames() {
		return await(this.admin.listTopics().names(), "list topics");
	}

	/** The partitions of the topics, ordered by topic, then partition. */
	public List<TopicPartition> partitionsOf(Collection<String> topics) {
		return await(this.admin.describeTopics(topics).allTopicNames(), "describe " + String.join(", ", topics))
			.values()
			.stream()
			.flatMap((topic) -> topic.partitions()
				.stream()
				.map((info) -> new TopicPartition(topic.name(), info.partition())))
			.sorted(BY_TOPIC_AND_PARTITION)
			.toList();
	}

	/**
	 * An offset of each partition (earliest, latest, or the first at a time; -1 when no
	 * record is that late), ordered by topic, then partition.
	 */
	public Map<TopicPartition, Long> offsets(Collection<TopicPartition> partitions, OffsetSpec spec) {
		Map<TopicPartition, Long> offsets = new TreeMap<>(BY_TOPIC_AND_PARTITION);
		await(this.admin.listOffsets(partitions.stream().collect(Collectors.toMap((tp) -> tp, (tp) -> spec))).all(),
				"list offsets")
			.forEach((tp, info) -> offsets.put(tp, info.offset()));
		return offsets;
	}

	public KafkaConsumer<byte[], byte[]> consumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
		properties.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
		return new KafkaConsumer<>(properties, new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	/** A producer that waits for every replica and gives up within seconds. */
	public KafkaProducer<byte[], byte[]> producer() {
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap, ProducerConfig.ACKS_CONFIG, "all",
						ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) PATIENCE.multipliedBy(2).toMillis()),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	/** Waits for an admin result, turning failures into one line for the user. */
	public <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
		try {
			return future.get(PATIENCE.toMillis() * 2, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw new Unavailable("cannot reach Kafka at " + this.bootstrap + " (" + what + " timed out after "
					+ PATIENCE.multipliedBy(2).toSeconds() + " s); is the broker running? (--bootstrap)");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
				throw new Unavailable("cannot reach Kafka at " + this.bootstrap + " (" + what
						+ " timed out); is the broker running? (--bootstrap)");
			}
			throw new Unavailable(what + " failed: " + cause.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unavailable("interrupted");
		}
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
