package dev.ordersaga.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.messaging.SagaProperties;
import dev.ordersaga.messaging.faults.FaultInjection;
import dev.ordersaga.messaging.kafka.DeadLetters;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import dev.ordersaga.messaging.kafka.UnreadableEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of records exactly once each.
 * <ol>
 * <li>Every record is decoded; Redis marks its event in flight, and events Redis already
 * knows as done are skipped without touching the database.</li>
 * <li>The fast path applies the rest in one database transaction, each event recorded in
 * {@code processed_event} with its effect (a duplicate finds its row and is
 * skipped).</li>
 * <li>If anything fails, the batch rolls back and is applied again one record per
 * transaction. The first failing record goes to the error handler by its index, which
 * commits the offsets before it and retries it with backoff. Unreadable records are
 * dead-lettered at once (once per group: a replay passes them by), and records that
 * failed {@code saga.retry.max-attempts} times (counted in Redis, so restarts do not
 * reset the count) after their last attempt; the records after them go on. A failure
 * because PostgreSQL or Redis is unreachable is not the record's fault: it is retried
 * until the dependency is back, and not counted.</li>
 * </ol>
 * Offsets are committed only after the transactions that applied their records.
 */
public class InboundEvents {

	private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

	private final EventCodec codec;

	private final ProcessedEvents processed;

	private final TransactionTemplate transactions;

	private final RedisIdempotency marks;

	private final AttemptCounter attempts;

	private final UnreadableRecords unreadable;

	private final FaultInjection faults;

	private final DeadLetters deadLetters;

	private final int maxAttempts;

	private final String group;

	private final Counter duplicates;

	private final MeterRegistry meters;

	private final DistributionSummary batchSizes;

	InboundEvents(EventCodec codec, ProcessedEvents processed, PlatformTransactionManager transactionManager,
			StringRedisTemplate redis, FaultInjection faults, DeadLetters deadLetters, SagaProperties properties,
			MeterRegistry meters, @Value("${spring.kafka.consumer.group-id}") String group) {
		this.codec = codec;
		this.processed = processed;
		this.transactions = new TransactionTemplate(transactionManager);
		SagaProperties.Idempotency idempotency = properties.idempotency();
		this.marks = new RedisIdempotency(redis, group, idempotency.inFlightTtl(), idempotency.doneTtl());
		this.attempts = new AttemptCounter(redis, group);
		this.unreadable = new UnreadableRecords(redis, group, idempotency.doneTtl());
		this.faults = faults;
		this.deadLetters = deadLetters;
		this.maxAttempts = properties.retry().maxAttempts();
		this.group = group;
		this.meters = meters;
		this.duplicates = Counter.builder("saga.inbox.duplicates")
			.description("Events skipped because they were applied before")
			.register(meters);
		this.batchSizes = DistributionSummary.builder("saga.inbox.batch.size")
			.description("Records per batch handed to the inbox: the bigger, the less each costs")
			.register(meters);
	}

	/** A record with its event, or the reason it cannot have one. */
	private record Inbound(ConsumerRecord<String, byte[]> record, @Nullable ReceivedEvent event,
			@Nullable UnreadableEventException unreadable) {

		@Nullable UUID id() {
			return (this.event != null) ? this.event.id() : null;
		}

	}

	public void process(List<ConsumerRecord<String, byte[]>> records, EventHandler handler) {
		this.batchSizes.record(records.size());
		List<Inbound> batch = records.stream().filter(this::isForThisGroup).map(this::decode).toList();
		RedisIdempotency.Marks marks = this.marks
			.markInFlight(batch.stream().map(Inbound::id).filter((id) -> id != null).toList());
		boolean readable = batch.stream().allMatch((inbound) -> inbound.event() != null);
		if (batch.size() > 1 && readable && applyAllTogether(batch, marks, handler)) {
			this.marks.markDone(marks.marked());
			return;
		}
		for (Inbound inbound : batch) {
			if (inbound.unreadable() != null) {
				deadLetterUnreadable(inbound);
				continue;
			}
			if (isKnownDuplicate(inbound, marks)) {
				continue;
			}
			try {
				this.transactions.executeWithoutResult((status) -> apply(List.of(inbound), handler));
			}
			catch (RuntimeException ex) {
				this.marks.release(List.of(inbound.id()));
				RuntimeException failure = classify(inbound, ex);
				if (failure instanceof RetriesExhaustedException exhausted) {
					this.deadLetters.send(inbound.record(), exhausted);
					this.attempts.succeeded(inbound.record());
					continue;
				}
				throw new BatchListenerFailedException(describe(inbound.record()) + " failed", failure,
						inbound.record());
			}
			this.attempts.succeeded(inbound.record());
			this.marks.markDone(List.of(inbound.id()));
		}
	}

	private void deadLetterUnreadable(Inbound inbound) {
		UnreadableEventException unreadable = Objects.requireNonNull(inbound.unreadable());
		if (this.unreadable.deadLetteredBefore(inbound.record())) {
			log.info("{} can never be processed and was dead-lettered before (a replay?); passing it by",
					describe(inbound.record()));
			return;
		}
		log.warn("{} can never be processed, dead-lettering it: {}", describe(inbound.record()),
				unreadable.getMessage());
		this.deadLetters.send(inbound.record(), unreadable);
		this.unreadable.deadLettered(inbound.record());
	}

	/** A record redriven for another consumer group is that group's alone. */
	private boolean isForThisGroup(ConsumerRecord<String, byte[]> record) {
		Header target = record.headers().lastHeader(EventHeaders.REDRIVE_FOR);
		if (target == null || this.group.equals(new String(target.value(), StandardCharsets.UTF_8))) {
			return true;
		}
		log.debug("Skipping {}: redriven for another group", describe(record));
		return false;
	}

	private Inbound decode(ConsumerRecord<String, byte[]> record) {
		try {
			return new Inbound(record, this.codec.read(record), null);
		}
		catch (UnreadableEventException ex) {
			return new Inbound(record, null, ex);
		}
	}

	private boolean applyAllTogether(List<Inbound> batch, RedisIdempotency.Marks marks, EventHandler handler) {
		try {
			this.transactions.executeWithoutResult((status) -> apply(
					batch.stream().filter((inbound) -> !isKnownDuplicate(inbound, marks)).toList(), handler));
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Batch of {} records failed together, applying them one by one: {}", batch.size(), ex.toString());
			return false;
		}
	}

	private boolean isKnownDuplicate(Inbound inbound, RedisIdempotency.Marks marks) {
		if (marks.done().contains(inbound.id())) {
			this.duplicates.increment();
			return true;
		}
		return false;
	}

	/**
	 * Applies readable events in the current transaction: marks them processed in one
	 * statement, lets the handler prepare the batch, then handles each event marked now.
	 */
	private void apply(List<Inbound> batch, EventHandler handler) {
		List<ReceivedEvent> events = batch.stream().map(Inbound::event).toList();
		Set<UUID> firstTime = this.processed.markProcessed(events);
		List<ReceivedEvent> fresh = new ArrayList<>(events.size());
		for (ReceivedEvent event : events) {
			if (firstTime.remove(event.id())) {
				fresh.add(event);
			}
			else {
				this.duplicates.increment();
				log.debug("Skipping {} {} from {}: already processed", event.payload().type(), event.id(),
						event.coordinates());
			}
		}
		if (fresh.isEmpty()) {
			return;
		}
		handler.beforeBatch(fresh.stream().map(ReceivedEvent::payload).toList());
		for (ReceivedEvent event : fresh) {
			this.faults.beforeHandling(event);
			handler.handle(event);
		}
	}

	private RuntimeException classify(Inbound inbound, RuntimeException failure) {
		String coordinates = describe(inbound.record());
		if (isOutage(failure)) {
			count("outage", inbound);
			log.warn("{} waits for a dependency: {}", coordinates, rootMessage(failure));
			return new DependencyOutageException(coordinates + " waits for a dependency", failure);
		}
		long attempt = this.attempts.failed(inbound.record());
		if (attempt >= this.maxAttempts) {
			count("exhausted", inbound);
			log.warn("{} failed on attempt {} of {}, dead-lettering it: {}", coordinates, attempt, this.maxAttempts,
					rootMessage(failure));
			return new RetriesExhaustedException(attempt, failure);
		}
		count("retry", inbound);
		log.warn("{} failed on attempt {} of {}, retrying: {}", coordinates, attempt, this.maxAttempts,
				rootMessage(failure));
		return new RetryableFailureException(attempt, this.maxAttempts, failure);
	}

	private void count(String outcome, Inbound inbound) {
		this.meters.counter("saga.inbox.failures", "outcome", outcome, "topic", inbound.record().topic()).increment();
	}

	/** PostgreSQL or Redis unreachable: the dependency's fault, not the record's. */
	static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof TransientDataAccessResourceException
					|| cause instanceof java.net.ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}

	private static String describe(ConsumerRecord<String, byte[]> record) {
		return "Record " + record.topic() + "-" + record.partition() + "@" + record.offset();
	}

}
