package dev.ordersaga.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.SagaProperties;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.tracing.EventTracing;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.ResourceHolderSupport;
import org.springframework.transaction.support.ResourceHolderSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records an event to publish in the current database transaction, so that the change and
 * its event commit together or not at all. The events of a transaction are inserted in
 * one statement just before it commits, in the order they were published. Once the
 * transaction has committed, the committing thread hands the rows to the
 * {@link OutboxRelay} to send at once, except rows whose key still has an older row
 * waiting in the outbox (that statement tells): those are left to the relay, which
 * publishes in id order, so that no event overtakes an older one of its key.
 */
public class Outbox {

	/**
	 * A transaction's rows in one statement whatever their number (one plan), numbered in
	 * the order they were published; each row comes back with its id and whether it is
	 * behind an older row of its key ({@link #KEY_CHECK} follows, or no check).
	 */
	private static final String INSERT = "insert into outbox_event"
			+ " (event_id, topic, message_key, event_type, payload, traceparent, created_at)"
			+ " select event_id, topic, message_key, event_type, payload, traceparent, created_at"
			+ " from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::bytea[], ?::text[], ?::timestamptz[])"
			+ " with ordinality as written (event_id, topic, message_key, event_type, payload, traceparent, created_at, n)"
			+ " order by n returning id, event_id, ";

	/**
	 * Whether an older row of the key was still in the outbox when the insert ran; asked
	 * only when rows are sent on commit. An older row is visible until the relay that
	 * publishes it commits its delete, which it does only after the broker acknowledged
	 * it.
	 */
	private static final String KEY_CHECK = "exists (select 1 from outbox_event older"
			+ " where older.message_key = outbox_event.message_key and older.id < outbox_event.id)";

	private final JdbcTemplate jdbc;

	private final EventCodec codec;

	private final OutboxRelay relay;

	private final Clock clock;

	private final EventTracing tracing;

	private final String insert;

	Outbox(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay, Clock clock, EventTracing tracing,
			SagaProperties properties) {
		this.insert = INSERT + (properties.outbox().sendOnCommit() ? KEY_CHECK : "false") + " as behind_older";
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
		pendingInThisTransaction().waiting
			.add(new OutboxRow(0, UUID.randomUUID(), event.type(), event.orderId().toString(), event.type(),
					this.codec.write(event), this.tracing.traceparent(), this.clock.instant()));
	}

	private PendingRows pendingInThisTransaction() {
		if (TransactionSynchronizationManager.getResource(this) instanceof PendingRows pending) {
			return pending;
		}
		PendingRows pending = new PendingRows();
		TransactionSynchronizationManager.bindResource(this, pending);
		TransactionSynchronizationManager.registerSynchronization(new Publishing(pending));
		return pending;
	}

	/**
	 * Inserts the rows and tells which of them may be sent on commit: each comes back
	 * with its id, and those behind an older row of their key are counted instead.
	 */
	private void insert(PendingRows pending) {
		List<OutboxRow> rows = List.copyOf(pending.waiting);
		pending.waiting.clear();
		Map<UUID, OutboxRow> byEventId = new HashMap<>();
		rows.forEach((row) -> byEventId.put(row.eventId(), row));
		this.jdbc.execute((ConnectionCallback<@Nullable Void>) (Connection connection) -> {
			try (PreparedStatement insert = connection.prepareStatement(this.insert)) {
				insert.setArray(1, connection.createArrayOf("uuid", column(rows, OutboxRow::eventId)));
				insert.setArray(2, connection.createArrayOf("text", column(rows, OutboxRow::topic)));
				insert.setArray(3, connection.createArrayOf("text", column(rows, OutboxRow::messageKey)));
				insert.setArray(4, connection.createArrayOf("text", column(rows, OutboxRow::eventType)));
				insert.setArray(5, connection.createArrayOf("bytea",
						rows.stream().map(OutboxRow::payload).toArray(byte[][]::new)));
				insert.setArray(6, connection.createArrayOf("text", column(rows, OutboxRow::traceparent)));
				insert.setArray(7, connection.createArrayOf("timestamptz",
						rows.stream().map((row) -> Timestamp.from(row.createdAt())).toArray()));
				try (ResultSet inserted = insert.executeQuery()) {
					while (inserted.next()) {
						OutboxRow row = byEventId.get(inserted.getObject("event_id", UUID.class));
						if (row == null) {
							throw new IllegalStateException("The outbox insert returned an event it was not given");
						}
						if (inserted.getBoolean("behind_older")) {
							pending.behindOlder++;
						}
						else {
							pending.sendable.add(row.withId(inserted.getLong("id")));
						}
					}
				}
			}
			return null;
		});
	}

	private static Object[] column(List<OutboxRow> rows, Function<OutboxRow, Object> value) {
		return rows.stream().map(value).toArray();
	}

	/** The rows of one transaction: waiting to be inserted, and inserted. */
	private static final class PendingRows extends ResourceHolderSupport {

		private final List<OutboxRow> waiting = new ArrayList<>();

		/** Inserted, with no older row of their key in the outbox. */
		private final List<OutboxRow> sendable = new ArrayList<>();

		/** Inserted behind an older row of their key: the relay publishes them. */
		private int behindOlder;

	}

	/**
	 * Inserts a transaction's rows before it commits (or when it is flushed) and, after
	 * it commits, hands them to the relay. Spring's resource holder synchronization sets
	 * the rows aside while an inner transaction runs, which collects its own, and unbinds
	 * them when the transaction completes.
	 */
	private final class Publishing extends ResourceHolderSynchronization<PendingRows, Outbox> {

		private final PendingRows pending;

		Publishing(PendingRows pending) {
			super(pending, Outbox.this);
			this.pending = pending;
		}

		@Override
		protected void flushResource(PendingRows pending) {
			if (!pending.waiting.isEmpty()) {
				insert(pending);
			}
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			flush();
		}

		@Override
		public void afterCommit() {
			this.pending.sendable.sort(Comparator.comparingLong(OutboxRow::id));
			Outbox.this.relay.committed(this.pending.sendable, this.pending.behindOlder > 0);
		}

	}

}
