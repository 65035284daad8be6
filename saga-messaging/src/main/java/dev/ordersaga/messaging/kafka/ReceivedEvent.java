package dev.ordersaga.messaging.kafka;

import java.time.Instant;
import java.util.UUID;

import dev.ordersaga.events.SagaEvent;
import org.jspecify.annotations.Nullable;

/**
 * An event as a consumer received it: the payload with its CloudEvents metadata, the
 * trace context of the span that wrote it (W3C {@code traceparent}, when the record has
 * one) and the coordinates of the record it came in.
 */
public record ReceivedEvent(UUID id, Instant time, SagaEvent payload, @Nullable String traceparent, String topic,
		int partition, long offset) {

	public String coordinates() {
		return this.topic + "-" + this.partition + "@" + this.offset;
	}

}
