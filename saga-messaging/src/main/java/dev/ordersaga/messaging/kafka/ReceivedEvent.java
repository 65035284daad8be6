package dev.ordersaga.messaging.kafka;

import java.time.Instant;
import java.util.UUID;

import dev.ordersaga.events.SagaEvent;

/**
 * An event as a consumer received it: the payload with its CloudEvents metadata and the
 * coordinates of the record it came in.
 */
public record ReceivedEvent(UUID id, Instant time, SagaEvent payload, String topic, int partition, long offset) {

	public String coordinates() {
		return this.topic + "-" + this.partition + "@" + this.offset;
	}

}
