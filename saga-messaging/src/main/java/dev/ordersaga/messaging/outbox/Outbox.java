package dev.ordersaga.messaging.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.tracing.EventTracing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event to publish in the current database transaction, so that the change and
 * its event commit together or not at all. The events of a transaction are inserted in
 * one batch just before it commits, in the order they were published (one statement for a
 * whole batch of records instead of one per event). The {@link OutboxRelay} publishes
 * them once the transaction commits; nothing here talks to Kafka.
 */
public class Outbox {

	private static final String INSERT = "insert into outbox_event"
			+ " (event_id, topic, message_key, event_type, payload, traceparent, created_at)"
			+ " values (?, ?, ?, ?, ?, ?, ?)";

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
		pendingInThisTransaction()
			.add(new Object[] { UUID.randomUUID(), event.type(), event.orderId().toString(), event.type(),
					this.codec.write(event), this.tracing.traceparent(), Timestamp.from(this.clock.instant()) });
	}

	private List<Object[]> pendingInThisTransaction() {
		if (TransactionSynchronizationManager.getResource(this) instanceof PendingRows pending) {
			return pending.rows;
		}
		PendingRows pending = new PendingRows();
		TransactionSynchronizationManager.bindResource(this, pending);
		TransactionSynchronizationManager.registerSynchronization(new Publishing(pending));
		return pending.rows;
	}

	/** The rows one transaction published and has not inserted yet. */
	private static final class PendingRows extends ResourceHolderSupport {

		private final List<Object[]> rows = new ArrayList<>();

	}

	/**
	 * Inserts a transaction's rows before it commits (or when it is flushed) and wakes
	 * the relay after. Spring's resource holder synchronization sets the rows aside while
	 * an inner transaction runs, which collects its own, and unbinds them when the
	 * transaction completes.
	 */
	private final class Publishing extends ResourceHolderSynchronization<PendingRows, Outbox> {

		Publishing(PendingRows pending) {
			super(pending, Outbox.this);
		}

		@Override
		protected void flushResource(PendingRows pending) {
			if (!pending.rows.isEmpty()) {
				Outbox.this.jdbc.batchUpdate(INSERT, pending.rows);
				pending.rows.clear();
			}
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			flush();
		}

		@Override
		public void afterCommit() {
			Outbox.this.relay.wake();
		}

	}

}
