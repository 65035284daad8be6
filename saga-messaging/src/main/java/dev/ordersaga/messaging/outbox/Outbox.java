package dev.ordersaga.messaging.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.tracing.EventTracing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event to publish in the current database transaction, so that the change and
 * its event commit together or not at all. The {@link OutboxRelay} publishes it once the
 * transaction commits; nothing here talks to Kafka.
 */
public class Outbox {

	private final JdbcTemplate jdbc;

	private final EventCodec codec;

	private final OutboxRelay relay;

	private final Clock clock;

	private final EventTracing tracing;

	Outbox(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay, Clock clock, EventTracing tracing) {
		this.jdbc = jdbc;
		this.codec = codec;
		this.relay = relay;
		this.clock = clock;
		this.tracing = tracing;
	}

	/**
	 * Records the event with the trace context of the current span, which the relay
	 * publishes as the record's {@code traceparent}: the consumer's span becomes its
	 * child.
	 */
	public void publish(SagaEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"Outbox.publish needs a transaction: the event must commit with its change");
		}
		this.tracing.aboutOrder(event.orderId());
		this.jdbc.update(
				"insert into outbox_event (event_id, topic, message_key, event_type, payload, traceparent, created_at)"
						+ " values (?, ?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), event.type(), event.orderId().toString(), event.type(), this.codec.write(event),
				this.tracing.traceparent(), Timestamp.from(this.clock.instant()));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.relay.wake();
			}
		});
	}

}
