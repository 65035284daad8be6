package dev.ordersaga.messaging.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.kafka.EventCodec;

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

	Outbox(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay, Clock clock) {
		this.jdbc = jdbc;
		this.codec = codec;
		this.relay = relay;
		this.clock = clock;
	}

	public void publish(SagaEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException(
					"Outbox.publish needs a transaction: the event must commit with its change");
		}
		this.jdbc.update(
				"insert into outbox_event (event_id, topic, message_key, event_type, payload, traceparent, created_at)"
						+ " values (?, ?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), event.type(), event.orderId().toString(), event.type(), this.codec.write(event),
				traceparent(event), Timestamp.from(this.clock.instant()));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				Outbox.this.relay.wake();
			}
		});
	}

	/**
	 * A W3C traceparent whose trace id is the order id, so every event of one order
	 * shares a trace without a tracing library in the path.
	 */
	static String traceparent(SagaEvent event) {
		String traceId = event.orderId().value().toString().replace("-", "");
		String spanId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
		return "00-" + traceId + "-" + spanId + "-01";
	}

}
