package dev.ordersaga.messaging.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.messaging.SagaProperties;
import dev.ordersaga.messaging.Sleep;
import io.micrometer.core.instrument.Counter;
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
 * Publishes outbox rows to Kafka, then deletes them. While nothing else is on its way
 * out, the thread that committed rows sends them right after the commit
 * ({@link #committed}), and the relay's thread deletes them once the broker has
 * acknowledged them. The other rows (committed while the outbox was busy, behind an older
 * row of the same key, a failed send, sending on commit switched off) the relay's thread
 * publishes in id order: it wakes when such a row is committed, and sweeps on a timer as
 * a safety net (rows left by a crash, a broker that was down). A PostgreSQL advisory lock
 * lets one instance of a service relay at a time, which keeps the order per key when
 * several instances run; an instance that finds the lock taken waits for it rather than
 * leaving its rows to the sweep. A crash after a send and before its delete publishes a
 * row again; consumers are idempotent, so that is harmless.
 */
public class OutboxRelay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	/** After a failed round: 200 ms, doubling up to 5 s, for as long as it fails. */
	private static final BackOff RETRY = retryBackOff();

	/**
	 * The relay's lock, then the oldest rows deleted and returned, but for those this
	 * instance sent on commit and has not deleted yet: one round trip (the driver sends
	 * both statements together). The delete is planned once for all its rounds: its
	 * parameters (an array, a limit) made PostgreSQL plan it again on every round, which
	 * cost it more than running it (docs/benchmarks.md, "Session 24"); the generic plan
	 * is the same index scan.
	 */
	static final String TAKE_BATCH = "select set_config('synchronous_commit', 'off', true),"
			+ " set_config('plan_cache_mode', 'force_generic_plan', true),"
			+ " pg_advisory_xact_lock(?); delete from outbox_event where id in"
			+ " (select id from outbox_event where id <> all(?) order by id limit ?)"
			+ " returning id, event_id, topic, message_key, event_type, payload, traceparent, created_at";

	/**
	 * The acknowledged rows deleted, in one round trip and one implicit transaction that,
	 * like the relay's, does not wait for the disk: a delete lost in a crash of the
	 * database only publishes its rows again.
	 */
	private static final String DELETE_ACKNOWLEDGED = "select set_config('synchronous_commit', 'off', true);"
			+ " delete from outbox_event where id = any(?)";

	private static final String OLDEST_ROW_OLDER_THAN = "select coalesce((select created_at from outbox_event"
			+ " order by id limit 1) < now() - make_interval(secs => ? / 1000.0), false)";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final KafkaOperations<String, byte[]> kafka;

	private final SagaProperties.Outbox settings;

	private final String source;

	private final long lockKey;

	private final Semaphore wakeUps = new Semaphore(0);

	/** Rows sent on commit and not yet deleted: the relay does not take them. */
	private final Set<Long> sentOnCommitRows = ConcurrentHashMap.newKeySet();

	/** Rows sent on commit that the broker acknowledged: to delete. */
	private final Queue<Long> acknowledged = new ConcurrentLinkedQueue<>();

	/** Sends on commit that failed so far. */
	private final AtomicLong failedSendsOnCommit = new AtomicLong();

	/** Whether rows wait for the relay's thread to publish them. */
	private final AtomicBoolean rowsWaiting = new AtomicBoolean();

	/**
	 * Held while a committing thread hands its rows to the producer, and by the relay
	 * when it starts publishing: a round never starts between a committing thread's
	 * decision to send and the moment its rows are in {@link #sentOnCommitRows} and with
	 * the producer.
	 */
	private final ReentrantLock handOff = new ReentrantLock();

	private final Counter sentOnCommit;

	private final Counter relayed;

	private volatile boolean running;

	/**
	 * Whether the last round failed: while it does, committed rows wait for the relay.
	 */
	private volatile boolean failing;

	/** Whether the relay's thread is publishing rows. */
	private volatile boolean publishing;

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
		this.sentOnCommit = published("commit", meters);
		this.relayed = published("relay", meters);
	}

	private static Counter published(String by, MeterRegistry meters) {
		return Counter.builder("saga.outbox.published")
			.description("Events published, by who sent them: the committing thread or the relay")
			.tag("by", by)
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
		this.rowsWaiting.set(true);
		nudge();
	}

	private void nudge() {
		if (this.wakeUps.availablePermits() == 0) {
			this.wakeUps.release();
		}
	}

	/**
	 * Called on the committing thread once a transaction's rows are committed: while the
	 * outbox is idle, sends the rows that no older row of their key waits in front of,
	 * and wakes the relay for the rest. Never throws: the rows are committed, and
	 * whatever is not sent here the relay publishes.
	 * @param sendable rows with no older row of their key in the outbox, in id order
	 * @param rowsBehindOlder whether the transaction wrote rows behind an older row of
	 * their key
	 */
	void committed(List<OutboxRow> sendable, boolean rowsBehindOlder) {
		boolean sentHere = !sendable.isEmpty() && this.settings.sendOnCommit() && this.running && !this.failing
				&& sentWhileIdle(sendable);
		if (rowsBehindOlder || (!sendable.isEmpty() && !sentHere)) {
			wake();
		}
	}

	/**
	 * Sends the rows if the outbox is idle, and hands them to the producer before the
	 * relay can start a round: a round that starts later leaves them out (and flushes the
	 * producer before it sends younger rows of their keys), instead of taking them from
	 * the table and sending them a second time. A thread that finds another handing rows
	 * over (or the relay starting a round) does not wait: the outbox is not idle, and the
	 * relay publishes its rows.
	 */
	private boolean sentWhileIdle(List<OutboxRow> sendable) {
		if (!this.handOff.tryLock()) {
			return false;
		}
		try {
			if (!idle()) {
				return false;
			}
			sendable.forEach(this::sendOnCommit);
			return true;
		}
		finally {
			this.handOff.unlock();
		}
	}

	/**
	 * Whether the relay waits to start a round while a committing thread hands rows over.
	 */
	boolean waitsForHandOff() {
		return this.handOff.hasQueuedThreads();
	}

	/**
	 * Whether nothing is on its way out: no row sent on commit awaits its acknowledgement
	 * or its delete, and the relay is neither publishing nor woken to. Only then does a
	 * committing thread send its rows itself, which saves one order at a time the relay's
	 * wake-up and round; under load the relay publishes, in batches of many transactions,
	 * which costs less CPU than a send and a delete for each (ADR 0008).
	 */
	boolean idle() {
		return this.sentOnCommitRows.isEmpty() && !this.publishing && !this.rowsWaiting.get();
	}

	/**
	 * Counts a row as sent on commit and sends it (under {@link #handOff}, so no relay
	 * round starts in between): a round leaves it out, and awaits it by flushing the
	 * producer before it sends a younger row of its key.
	 */
	@SuppressWarnings("FutureReturnValueIgnored") // the callback handles the failure
	private void sendOnCommit(OutboxRow row) {
		this.sentOnCommitRows.add(row.id());
		CompletableFuture<?> sent;
		try {
			sent = this.kafka.send(toRecord(row, this.source));
		}
		catch (RuntimeException ex) {
			sendOnCommitFailed(row, ex);
			return;
		}
		sent.whenComplete((result, failure) -> {
			if (failure == null) {
				this.sentOnCommit.increment();
				this.acknowledged.add(row.id());
				nudge();
			}
			else {
				sendOnCommitFailed(row, failure);
			}
		});
	}

	private void sendOnCommitFailed(OutboxRow row, Throwable failure) {
		log.debug("Sending outbox row {} on commit failed; the relay publishes it: {}", row.id(), failure.toString());
		this.failedSendsOnCommit.incrementAndGet();
		this.sentOnCommitRows.remove(row.id());
		wake();
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
		@Nullable BackOffExecution retry = null;
		long failures = 0;
		long sweepInterval = this.settings.sweepInterval().toNanos();
		long nextSweep = System.nanoTime() + sweepInterval;
		while (this.running) {
			try {
				this.wakeUps.tryAcquire(Math.max(0, nextSweep - System.nanoTime()), TimeUnit.NANOSECONDS);
				this.wakeUps.drainPermits();
				deleteAcknowledged();
				boolean woken = this.rowsWaiting.getAndSet(false);
				if (woken || System.nanoTime() - nextSweep >= 0) {
					nextSweep = System.nanoTime() + sweepInterval;
					if (woken || oldestRowOlderThanASweep()) {
						startPublishing();
						try {
							publishWaitingRows();
						}
						finally {
							this.publishing = false;
						}
					}
				}
				retry = null;
				failures = 0;
				this.failing = false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				this.failing = true;
				this.rowsWaiting.set(true);
				retry = (retry != null) ? retry : RETRY.start();
				failures++;
				log.warn("Outbox relay could not publish (attempt {}), retrying: {}", failures, ex.toString());
				Sleep.sleep(Duration.ofMillis(retry.nextBackOff()));
			}
		}
		try {
			this.kafka.flush();
			deleteAcknowledged();
		}
		catch (RuntimeException ex) {
			log.debug("Rows sent on commit stay in the outbox and are sent again at the next start: {}", ex.toString());
		}
	}

	/**
	 * Marks the relay as publishing once no committing thread is handing rows to the
	 * producer; committing threads then leave their rows to it.
	 */
	private void startPublishing() {
		this.handOff.lock();
		try {
			this.publishing = true;
		}
		finally {
			this.handOff.unlock();
		}
	}

	/**
	 * Whether the oldest row has waited longer than a sweep interval: left by a crash or
	 * by a relay that failed, or sent on commit and not acknowledged since. A sweep that
	 * finds only younger rows leaves them to their committing threads, which are sending
	 * them, and so does not send them twice.
	 */
	private boolean oldestRowOlderThanASweep() {
		Boolean old = this.jdbc.queryForObject(OLDEST_ROW_OLDER_THAN, Boolean.class,
				this.settings.sweepInterval().toMillis());
		return Boolean.TRUE.equals(old);
	}

	/** Publishes what waits in the outbox, in id order, batch after batch. */
	private void publishWaitingRows() {
		while (this.running && publishBatch() == this.settings.batchSize()) {
			// a full batch: more rows are waiting
		}
	}

	/**
	 * Deletes the rows sent on commit that the broker acknowledged, in one round trip.
	 */
	private void deleteAcknowledged() {
		List<Long> ids = new ArrayList<>();
		for (Long id = this.acknowledged.poll(); id != null; id = this.acknowledged.poll()) {
			ids.add(id);
		}
		if (ids.isEmpty()) {
			return;
		}
		try {
			this.jdbc.execute(DELETE_ACKNOWLEDGED, (PreparedStatementCallback<Boolean>) (statement) -> {
				statement.setArray(1, statement.getConnection().createArrayOf("bigint", ids.toArray()));
				return statement.execute();
			});
		}
		catch (RuntimeException ex) {
			this.acknowledged.addAll(ids);
			throw ex;
		}
		this.sentOnCommitRows.removeAll(ids);
	}

	/**
	 * Publishes one batch of rows; returns how many. Two round trips to PostgreSQL: the
	 * lock and the rows taken out of the table (two statements sent together; the delete
	 * runs once the lock is granted and reads the table as the previous holder left it),
	 * then the commit. The rows are deleted before they are sent, in the same
	 * transaction: a send that fails rolls the delete back, and a crash before the commit
	 * leaves them to be sent again, as a crash between a send and a later delete would.
	 * The commit does not wait for the disk: a delete lost in a crash of the database
	 * only publishes its rows twice, which consumers skip by event id. Rows this instance
	 * sent on commit and has not deleted yet are not taken; if any of them were still on
	 * their way, they are awaited first, and should one of them have failed, the round is
	 * rolled back and taken again, so that the failed row goes out before the younger
	 * rows of its key.
	 */
	int publishBatch() {
		long failedBefore = this.failedSendsOnCommit.get();
		Long[] sentOnCommit = this.sentOnCommitRows.toArray(Long[]::new);
		Integer published = this.transactions.execute((status) -> {
			List<OutboxRow> rows = this.jdbc.execute(TAKE_BATCH,
					(PreparedStatementCallback<List<OutboxRow>>) (statement) -> lockAndTake(statement, sentOnCommit));
			if (rows == null || rows.isEmpty()) {
				return 0;
			}
			if (sentOnCommit.length > 0) {
				this.kafka.flush();
				if (this.failedSendsOnCommit.get() != failedBefore) {
					throw new IllegalStateException(
							"A send on commit failed while the relay took rows behind it; taking them again in order");
				}
			}
			// a delete returns its rows in no particular order: the outbox's order is the
			// ids'
			rows.sort(Comparator.comparingLong(OutboxRow::id));
			List<CompletableFuture<?>> sends = new ArrayList<>(rows.size());
			for (OutboxRow row : rows) {
				sends.add(this.kafka.send(toRecord(row, this.source)));
			}
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
			this.relayed.increment(rows.size());
			return rows.size();
		});
		return (published != null) ? published : 0;
	}

	/**
	 * Waits while another instance publishes, then takes the oldest rows, its own too, in
	 * one round trip.
	 */
	private List<OutboxRow> lockAndTake(PreparedStatement statement, Long[] sentOnCommit) throws SQLException {
		statement.setLong(1, this.lockKey);
		statement.setArray(2, statement.getConnection().createArrayOf("bigint", sentOnCommit));
		statement.setInt(3, this.settings.batchSize());
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
