package dev.ordersaga.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

/** An event waiting in the outbox, as the relay reads it. */
@SuppressWarnings("ArrayRecordComponent") // carries the payload from the row to Kafka;
											// never compared
record OutboxRow(long id, UUID eventId, String topic, String messageKey, String eventType, byte[] payload,
		String traceparent, Instant createdAt) {
}
