package dev.ordersaga.messaging.outbox;

import java.time.Instant;
import java.util.UUID;

/** An event waiting in the outbox, as the relay reads it. */
record OutboxRow(long id, UUID eventId, String topic, String messageKey, String eventType, byte[] payload,
		String traceparent, Instant createdAt) {
}
