package dev.ordersaga.messaging.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.EventType;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.kafka.EventCodec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Produces records onto the saga's topics the way another service would (CloudEvents
 * headers with the event type's producer as {@code ce_source}, JSON value, order id as
 * key), or any bytes at all, for tests that play the other side of the saga.
 */
public final class EventPublisher implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer;

	private final EventCodec codec = new EventCodec();

	public EventPublisher(String bootstrapServers) {
		this.producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new StringSerializer(), new ByteArraySerializer());
	}

	/** Publishes the event with a new event id; returns the id. */
	public UUID publish(SagaEvent event) {
		UUID id = UUID.randomUUID();
		publish(event, id);
		return id;
	}

	/** Publishes the event with the given event id, e.g. to redeliver it. */
	public void publish(SagaEvent event, UUID eventId) {
		publish(event, eventId, Instant.now());
	}

	/** Publishes the event with the given event id and time ({@code ce_time}). */
	public void publish(SagaEvent event, UUID eventId, Instant time) {
		publish(event, eventId, time, Map.of());
	}

	/**
	 * Publishes the event as a service would, inside the span of a W3C
	 * {@code traceparent}.
	 */
	public void publishTraced(SagaEvent event, String traceparent) {
		publish(event, UUID.randomUUID(), Instant.now(), Map.of(EventHeaders.TRACEPARENT, traceparent));
	}

	private void publish(SagaEvent event, UUID eventId, Instant time, Map<String, String> extraHeaders) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(header(EventHeaders.ID, eventId.toString()));
		headers.add(header(EventHeaders.TYPE, event.type()));
		headers.add(header(EventHeaders.SOURCE, EventType.fromType(event.type()).orElseThrow().producer()));
		headers.add(header(EventHeaders.SPEC_VERSION, EventHeaders.CLOUDEVENTS_VERSION));
		headers.add(header(EventHeaders.TIME, time.toString()));
		headers.add(header(EventHeaders.CONTENT_TYPE, EventHeaders.JSON));
		extraHeaders.forEach((name, value) -> headers.add(header(name, value)));
		send(new ProducerRecord<>(event.type(), null, event.orderId().toString(), this.codec.write(event), headers));
	}

	/** Publishes arbitrary bytes with arbitrary headers. */
	public void publishRaw(String topic, String key, byte[] value, Map<String, String> headers) {
		RecordHeaders recordHeaders = new RecordHeaders();
		headers.forEach((name, text) -> recordHeaders.add(header(name, text)));
		send(new ProducerRecord<>(topic, null, key, value, recordHeaders));
	}

	private void send(ProducerRecord<String, byte[]> record) {
		try {
			this.producer.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot publish to " + record.topic(), ex);
		}
	}

	private static RecordHeader header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

	@Override
	public void close() {
		this.producer.close();
	}

}
