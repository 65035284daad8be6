package dev.ordersaga.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * An event in the outbox, as the relay reads it or as a transaction wrote it (its id 0
 * until inserted).
 */
@SuppressWarnings("ArrayRecordComponent") // carries the payload from the row to Kafka;
											// never compared
record OutboxRow(long id, UUID eventId, String topic, String messageKey, String eventType, byte[] payload,
		String traceparent, Instant createdAt) {

	OutboxRow withId(long id) {
		return new OutboxRow(id, this.eventId, this.topic, this.messageKey, this.eventType, this.payload,
				this.traceparent, this.createdAt);
	}

}
