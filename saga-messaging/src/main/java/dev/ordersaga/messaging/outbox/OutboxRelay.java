package dev.ordersaga.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.messaging.SagaProperties;
import dev.ordersaga.messaging.Sleep;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCallback;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Publishes outbox rows to Kafka in id order, then deletes them. It wakes when a
 * transaction that wrote to the outbox commits, and sweeps on a timer as a safety net
 * (rows left by a crash, a broker that was down). A PostgreSQL advisory lock lets one
 * instance of a service relay at a time, which keeps the order per key when several
 * instances run; an instance that finds the lock taken waits for it rather than leaving
 * its rows to the sweep. A crash after the send and before the commit publishes a row
 * again; consumers are idempotent, so that is harmless.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** After a failed round: 200 ms, doubling up to 5 s, for as long as it fails. */
	private static final BackOff RETRY = retryBackOff();

	/**
	 * The relay's lock, then the oldest rows deleted and returned: one round trip (the
	 * driver sends both statements together).
	 */
	private static final String TAKE_BATCH = "select set_config('synchronous_commit', 'off', true),"
			+ " pg_advisory_xact_lock(?);"
			+ " delete from outbox_event where id in (select id from outbox_event order by id limit ?)"
			+ " returning id, event_id, topic, message_key, event_type, payload, traceparent, created_at";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaOperations<String, byte[]> kafka;

	private final SagaProperties.Outbox settings;

	private final String source;

	private final long lockKey;

	private final Semaphore wakeUps = new Semaphore(0);

	private volatile boolean running;

	private @Nullable Thread worker;

	OutboxRelay(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, KafkaOperations<String, byte[]> kafka,
			SagaProperties properties, MeterRegistry meters, @Value("${spring.application.name}") String source,
			@Value("${saga.schema}") String schema) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.kafka = kafka;
		this.settings = properties.outbox();
		this.source = source;
		this.lockKey = lockKey(schema);
		Gauge.builder("saga.outbox.backlog", this, (relay) -> relay.measure("count(*)"))
			.description("Events waiting in the outbox")
			.register(meters);
		Gauge
			.builder("saga.outbox.oldest.age", this,
					(relay) -> relay.measure("coalesce(extract(epoch from now() - min(created_at)), 0)"))
			.description("Seconds the oldest waiting event has waited")
			.baseUnit("seconds")
			.register(meters);
	}

	private static BackOff retryBackOff() {
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
		backOff.setMaxInterval(5_000);
		return backOff;
	}

	/**
	 * The advisory lock the relays of one schema share: whoever holds it publishes that
	 * schema's outbox.
	 */
	public static long lockKey(String schema) {
		return ("outbox-relay:" + schema).hashCode();
	}

	private double measure(String aggregate) {
		Double value = this.jdbc.queryForObject("select " + aggregate + " from outbox_event", Double.class);
		return (value != null) ? value : Double.NaN;
	}

	/** Asks the relay to publish now; cheap and safe to call from any thread. */
	public void wake() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	@Override
	public void start() {
		this.running = true;
		Thread thread = new Thread(this::run, "outbox-relay");
		thread.setDaemon(true);
		this.worker = thread;
		thread.start();
	}

	@Override
	public void stop() {
		this.running = false;
		this.wakeUps.release();
		Thread thread = this.worker;
		if (thread != null) {
			try {
				thread.join(5_000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Start after the listeners' containers and stop before them: the outbox drains last.
	 */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 100;
	}

	private void run() {
		@Nullable BackOffExecution failing = null;
		long failures = 0;
		while (this.running) {
			try {
				this.wakeUps.tryAcquire(this.settings.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
				this.wakeUps.drainPermits();
				while (this.running && publishBatch() == this.settings.batchSize()) {
					// a full batch: more rows are waiting
				}
				failing = null;
				failures = 0;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				failing = (failing != null) ? failing : RETRY.start();
				failures++;
				log.warn("Outbox relay could not publish (attempt {}), retrying: {}", failures, ex.toString());
				Sleep.sleep(Duration.ofMillis(failing.nextBackOff()));
			}
		}
	}

	/**
	 * Publishes one batch of rows; returns how many. Two round trips to PostgreSQL: the
	 * lock and the rows taken out of the table (two statements sent together; the delete
	 * runs once the lock is granted and reads the table as the previous holder left it),
	 * then the commit. The rows are deleted before they are sent, in the same
	 * transaction: a send that fails rolls the delete back, and a crash before the commit
	 * leaves them to be sent again, as a crash between a send and a later delete would.
	 * The commit does not wait for the disk: a delete lost in a crash of the database
	 * only publishes its rows twice, which consumers skip by event id.
	 */
	int publishBatch() {
		Integer published = this.transactions.execute((status) -> {
			List<OutboxRow> rows = this.jdbc.execute(TAKE_BATCH,
					(PreparedStatementCallback<List<OutboxRow>>) this::lockAndTake);
			if (rows == null || rows.isEmpty()) {
				return 0;
			}
			// a delete returns its rows in no particular order: the outbox's order is the
			// ids'
			rows.sort(Comparator.comparingLong(OutboxRow::id));
			List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
			for (OutboxRow row : rows) {
				sends.add(this.kafka.send(toRecord(row, this.source)));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
			return rows.size();
		});
		return (published != null) ? published : 0;
	}

	/**
	 * Waits while another instance publishes, then takes the oldest rows, its own too, in
	 * one round trip.
	 */
	private List<OutboxRow> lockAndTake(PreparedStatement statement) throws SQLException {
		statement.setLong(1, this.lockKey);
		statement.setInt(2, this.settings.batchSize());
		statement.execute();
		if (!statement.getMoreResults()) {
			throw new IllegalStateException(
					"Expected the rows of the outbox delete as the second result of: " + TAKE_BATCH);
		}
		List<OutboxRow> rows = new ArrayList<>();
		try (ResultSet rs = statement.getResultSet()) {
			while (rs.next()) {
				rows.add(new OutboxRow(rs.getLong("id"), rs.getObject("event_id", UUID.class), rs.getString("topic"),
						rs.getString("message_key"), rs.getString("event_type"), rs.getBytes("payload"),
						rs.getString("traceparent"), rs.getTimestamp("created_at").toInstant()));
			}
		}
		return rows;
	}

	/**
	 * The record an outbox row is published as: its event with the CloudEvents headers
	 * and the traceparent.
	 * @param row the row
	 * @param source the publishing service, the event's {@code ce_source}
	 * @return the record to send
	 */
	static ProducerRecord<String, byte[]> toRecord(OutboxRow row, String source) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(header(EventHeaders.ID, row.eventId().toString()));
		headers.add(header(EventHeaders.TYPE, row.eventType()));
		headers.add(header(EventHeaders.SOURCE, source));
		headers.add(header(EventHeaders.SPEC_VERSION, EventHeaders.CLOUDEVENTS_VERSION));
		headers.add(header(EventHeaders.TIME, row.createdAt().toString()));
		headers.add(header(EventHeaders.CONTENT_TYPE, EventHeaders.JSON));
		headers.add(header(EventHeaders.TRACEPARENT, row.traceparent()));
		return new ProducerRecord<>(row.topic(), null, row.createdAt().toEpochMilli(), row.messageKey(), row.payload(),
				headers);
	}

	private static RecordHeader header(String name, String value) {
		return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
	}

}
