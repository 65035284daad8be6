package dev.ordersaga.messaging.test;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every service's integration test base shares: the service on a random port
 * (declared by the subclass with {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}
 * and a {@code @DynamicPropertySource} calling {@link SagaInfrastructure#register}), an
 * HTTP client for its API, a publisher to play the other services, a probe to read what
 * it published, and waits on its inbox and outbox.
 */
public abstract class ServiceIntegrationTest {

	protected static final Duration PATIENCE = Duration.ofSeconds(30);

	@LocalServerPort
	private int port;

	@LocalManagementPort
	private int managementPort;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private JdbcTemplate jdbc;

	@Value("${spring.kafka.consumer.group-id}")
	private String group;

	/** The service's API, called with an operator's token. */
	protected HttpJson http;

	/**
	 * Actuator: health, metrics and the fault switch, on their own port, called with an
	 * operator's token (the fault switch needs it).
	 */
	protected HttpJson management;

	protected EventPublisher publisher;

	protected TopicProbe topics;

	@BeforeEach
	void connect() {
		String kafka = SagaInfrastructure.endpoints().kafkaBootstrapServers();
		this.http = new HttpJson("http://localhost:" + this.port).withToken(TestTokens.operator());
		this.management = new HttpJson("http://127.0.0.1:" + this.managementPort).withToken(TestTokens.operator());
		this.publisher = new EventPublisher(kafka);
		this.topics = new TopicProbe(kafka);
	}

	/** The service's API, called with the customer's token. */
	protected HttpJson asCustomer(String customerId) {
		return this.http.withToken(TestTokens.customer(customerId));
	}

	@AfterEach
	void disconnect() {
		this.publisher.close();
	}

	/**
	 * Publishes the event as if it had been emitted at the given time (its
	 * {@code ce_time}).
	 */
	protected UUID publishAt(SagaEvent event, Instant time) {
		UUID id = UUID.randomUUID();
		this.publisher.publish(event, id, time);
		return id;
	}

	/**
	 * Waits until the service has taken the events in (applied them, or skipped them as
	 * duplicates): the inbox marks an event in the transaction of its effect, and a
	 * partition is consumed in order, so every earlier record of the same order on the
	 * same topic has been taken in too.
	 */
	protected void awaitProcessed(UUID... eventIds) {
		await().atMost(PATIENCE)
			.until(() -> Arrays.stream(eventIds)
				.allMatch(
						(eventId) -> this.jdbc.queryForObject("select count(*) from processed_event where event_id = ?",
								Integer.class, eventId) == 1));
	}

	/**
	 * Waits until every event the service recorded for the order is on its topic: the
	 * relay deletes an outbox row only once the broker acknowledged it.
	 */
	protected void awaitOutboxFlushed(UUID orderId) {
		await().atMost(PATIENCE).until(() -> outboxRows(orderId) == 0);
	}

	/** How many of the order's events wait in the outbox. */
	protected int outboxRows(UUID orderId) {
		Integer rows = this.jdbc.queryForObject("select count(*) from outbox_event where message_key = ?",
				Integer.class, orderId.toString());
		return (rows != null) ? rows : 0;
	}

	/** The one record on the topic for the order whose value is exactly these bytes. */
	protected ConsumerRecord<String, byte[]> recordWithValue(String topic, UUID orderId, byte[] value) {
		List<ConsumerRecord<String, byte[]>> found = this.topics.records(topic, orderId)
			.stream()
			.filter((record) -> Arrays.equals(record.value(), value))
			.toList();
		if (found.size() != 1) {
			throw new AssertionError(found.size() + " records on " + topic + " with that value, not 1");
		}
		return found.get(0);
	}

	/**
	 * One dynamic test per input topic: a record of random bytes and a record of JSON
	 * missing its {@code orderId} reach {@code <topic>.dlq} at once, on the same
	 * partition and with the dead-letter headers, and a valid event produced right after
	 * them on the same partition is processed.
	 */
	protected Stream<DynamicTest> poisonIsDeadLetteredAndTheFlowGoesOn(
			Map<String, Function<OrderId, SagaEvent>> inputs) {
		return inputs.entrySet()
			.stream()
			.map((input) -> DynamicTest.dynamicTest(input.getKey(),
					() -> assertPoisonIsDeadLettered(input.getKey(), input.getValue())));
	}

	private void assertPoisonIsDeadLettered(String topic, Function<OrderId, SagaEvent> validEvent) {
		OrderId orderId = OrderId.random();
		byte[] garbage = new byte[32];
		ThreadLocalRandom.current().nextBytes(garbage);
		ObjectNode json = (ObjectNode) JSON.readTree(new EventCodec().write(validEvent.apply(orderId)));
		json.remove("orderId");
		byte[] missingField = JSON.writeValueAsBytes(json);
		this.publisher.publishRaw(topic, orderId.toString(), garbage, poisonHeaders(topic));
		this.publisher.publishRaw(topic, orderId.toString(), missingField, poisonHeaders(topic));
		awaitProcessed(this.publisher.publish(validEvent.apply(orderId)));

		List<ConsumerRecord<String, byte[]>> originals = this.topics.records(topic, orderId.value());
		List<ConsumerRecord<String, byte[]>> dead = await().atMost(PATIENCE)
			.until(() -> this.topics.records(Topics.deadLetterOf(topic), orderId.value()),
					(found) -> found.size() == 2);
		for (byte[] poison : List.of(garbage, missingField)) {
			ConsumerRecord<String, byte[]> original = originals.stream()
				.filter((record) -> Arrays.equals(record.value(), poison))
				.findFirst()
				.orElseThrow();
			ConsumerRecord<String, byte[]> letter = dead.stream()
				.filter((record) -> Arrays.equals(record.value(), poison))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no dead letter with the poison's bytes on " + topic));
			assertThat(letter.partition()).isEqualTo(original.partition());
			assertThat(TopicProbe.header(letter, "kafka_dlt-original-topic")).isEqualTo(topic);
			assertThat(intHeader(letter, "kafka_dlt-original-partition")).isEqualTo(original.partition());
			assertThat(longHeader(letter, "kafka_dlt-original-offset")).isEqualTo(original.offset());
			assertThat(longHeader(letter, "kafka_dlt-original-timestamp")).isEqualTo(original.timestamp());
			assertThat(TopicProbe.header(letter, "kafka_dlt-original-consumer-group")).isEqualTo(this.group);
			assertThat(TopicProbe.header(letter, "kafka_dlt-exception-fqcn"))
				.isEqualTo(UnreadableEventException.class.getName());
			assertThat(TopicProbe.header(letter, "kafka_dlt-exception-message")).isNotBlank();
			assertThat(TopicProbe.header(letter, "kafka_dlt-exception-stacktrace")).isNotBlank();
			assertThat(TopicProbe.header(letter, EventHeaders.ATTEMPTS)).isEqualTo("1");
		}
	}

	private static Map<String, String> poisonHeaders(String topic) {
		return Map.of(EventHeaders.ID, UUID.randomUUID().toString(), EventHeaders.TYPE, topic, EventHeaders.TIME,
				Instant.now().toString(), EventHeaders.CONTENT_TYPE, EventHeaders.JSON);
	}

	/**
	 * A header that Spring Kafka writes as a 4-byte int (e.g. the original partition).
	 */
	protected static int intHeader(ConsumerRecord<?, ?> record, String name) {
		return ByteBuffer.wrap(headerBytes(record, name)).getInt();
	}

	/** A header that Spring Kafka writes as an 8-byte long (e.g. the original offset). */
	protected static long longHeader(ConsumerRecord<?, ?> record, String name) {
		return ByteBuffer.wrap(headerBytes(record, name)).getLong();
	}

	private static byte[] headerBytes(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		if (header == null) {
			throw new AssertionError("No header " + name + " on " + record.topic() + "@" + record.offset());
		}
		return header.value();
	}

}
