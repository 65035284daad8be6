package dev.ordersaga.messaging.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.EventType;
import dev.ordersaga.events.SagaEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into record values and records back into events. Reading is strict about
 * the contract (headers, type, required fields, the topic and the producer that type
 * belongs to) and tolerant of unknown fields.
 */
public class EventCodec {

	private final JsonMapper mapper = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.build();

	public byte[] write(SagaEvent event) {
		return this.mapper.writeValueAsBytes(event);
	}

	public ReceivedEvent read(ConsumerRecord<String, byte[]> record) {
		UUID id = parse(record, EventHeaders.ID, UUID::fromString);
		Instant time = parse(record, EventHeaders.TIME, Instant::parse);
		String typeName = header(record, EventHeaders.TYPE);
		EventType type = EventType.fromType(typeName)
			.orElseThrow(() -> new UnreadableEventException("unknown event type '" + typeName + "'"));
		if (record.value() == null) {
			throw new UnreadableEventException("record has no value");
		}
		try {
			SagaEvent payload = this.mapper.readValue(record.value(), type.recordClass());
			if (record.key() != null && !record.key().equals(payload.orderId().toString())) {
				throw new UnreadableEventException(
						"record key '" + record.key() + "' is not the event's orderId " + payload.orderId());
			}
			checkProvenance(record, type);
			return new ReceivedEvent(id, time, payload, optionalHeader(record, EventHeaders.TRACEPARENT),
					record.topic(), record.partition(), record.offset());
		}
		catch (JacksonException ex) {
			throw new UnreadableEventException(
					"value is not a valid " + type.type() + " event: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * An event is taken only on its own topic and from the one service that publishes it:
	 * a record that claims otherwise was put there by someone else, by mistake or not.
	 */
	private static void checkProvenance(ConsumerRecord<String, byte[]> record, EventType type) {
		if (!type.topic().equals(record.topic())) {
			throw new UnreadableEventException(
					"a " + type.type() + " event does not belong on topic " + record.topic());
		}
		String source = header(record, EventHeaders.SOURCE);
		if (!type.producer().equals(source)) {
			throw new UnreadableEventException(
					type.type() + " events come from " + type.producer() + ", not from '" + source + "'");
		}
	}

	private static <T> T parse(ConsumerRecord<String, byte[]> record, String name,
			java.util.function.Function<String, T> parser) {
		String text = header(record, name);
		try {
			return parser.apply(text);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw new UnreadableEventException("header " + name + " is malformed: '" + text + "'", ex);
		}
	}

	private static @Nullable String optionalHeader(ConsumerRecord<String, byte[]> record, String name) {
		@Nullable Header header = record.headers().lastHeader(name);
		return (header == null || header.value() == null) ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		@Nullable Header header = record.headers().lastHeader(name);
		if (header == null || header.value() == null) {
			throw new UnreadableEventException("missing header " + name);
		}
		return new String(header.value(), StandardCharsets.UTF_8);
	}

}
