package dev.ordersaga.ops.kafka;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka clients for one command run, all built from the same {@link ClientSettings} and
 * configured to fail within seconds when the broker cannot be reached or refuses the
 * login, with a message a person can act on.
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

	private final ClientSettings settings;

	private final Admin admin;

	public KafkaAccess(ClientSettings settings) {
		this.settings = settings;
		this.admin = Admin
			.create(settings.forClient(Map.of(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis(),
					AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis())));
	}

	public String bootstrap() {
		return this.settings.bootstrap();
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

	/** A consumer without a group that commits nothing and gives up within seconds. */
	public KafkaConsumer<byte[], byte[]> consumer() {
		return new KafkaConsumer<>(
				this.settings.forClient(Map.of(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
						ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis(),
						ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis())),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	/** A producer that waits for every replica and gives up within seconds. */
	public KafkaProducer<byte[], byte[]> producer() {
		return producer(Map.of(ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_BLOCK_MS_CONFIG,
				(int) PATIENCE.multipliedBy(2).toMillis()));
	}

	/**
	 * A producer with other defaults than {@link #producer()}'s; the settings of
	 * {@code --command-config} and {@code --bootstrap} still apply over them.
	 */
	public KafkaProducer<byte[], byte[]> producer(Map<String, ?> defaults) {
		return new KafkaProducer<>(this.settings.forClient(defaults), new ByteArraySerializer(),
				new ByteArraySerializer());
	}

	/** Waits for an admin result, turning failures into one line for the user. */
	public <T> T await(org.apache.kafka.common.KafkaFuture<T> future, String what) {
		try {
			return future.get(PATIENCE.toMillis() * 2, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			throw noAnswer(what + " timed out after " + PATIENCE.multipliedBy(2).toSeconds() + " s");
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			if (cause instanceof org.apache.kafka.common.errors.TimeoutException) {
				throw noAnswer(what + " timed out");
			}
			if (cause instanceof AuthenticationException refused) {
				throw refused(refused);
			}
			throw new Unavailable(what + " failed: " + cause.getMessage());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new Unavailable("interrupted");
		}
	}

	/**
	 * The broker did not answer in time. A broker whose listener requires a login (SASL)
	 * or TLS drops the connections of a client without one, which then sees only that: so
	 * the message names the settings as well as the address.
	 */
	private Unavailable noAnswer(String what) {
		String hint = this.settings.file()
			.map((file) -> "Do the settings in " + file + " (--command-config) match its listener (security.protocol)?")
			.orElse("It may require a login, and drop clients without one: give its client settings with "
					+ "--command-config FILE.");
		return new Unavailable("no answer from Kafka at " + bootstrap() + " (" + what
				+ "): is the broker running there (--bootstrap)? " + hint);
	}

	private Unavailable refused(AuthenticationException ex) {
		String what = (ex instanceof SslAuthenticationException) ? "the TLS handshake" : "the login";
		return new Unavailable("Kafka at " + bootstrap() + " refused " + what + " (" + ex.getClass().getSimpleName()
				+ ": " + ex.getMessage() + "): check --command-config"
				+ this.settings.file().map((file) -> " " + file).orElse(""));
	}

	@Override
	public void close() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
