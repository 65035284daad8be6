package dev.ordersaga.messaging.inbox;

import java.util.List;

import dev.ordersaga.messaging.inbox.InboundRecord.Decoded;
import dev.ordersaga.messaging.inbox.InboundRecord.Unreadable;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of records exactly once each.
 * <ol>
 * <li>Records redriven for another group are left out ({@link RedriveFilter}); the rest
 * are decoded, and events the handler does not react to ({@link EventHandler#reactsTo})
 * are passed by. Redis marks their events in flight, and events Redis already knows as
 * done are skipped without touching the database ({@link RedisIdempotency}).</li>
 * <li>The fast path applies the rest in one database transaction
 * ({@link InboxTransaction}), each event recorded in {@code processed_event} with its
 * effect (a duplicate finds its row and is skipped).</li>
 * <li>If anything fails, the batch rolls back and is applied again one record per
 * transaction; {@link FailedRecords} decides what a failure means. The first record that
 * fails retryably goes to the error handler by its index, which commits the offsets
 * before it and retries it with backoff. Unreadable records are dead-lettered at once
 * (once per group: a replay passes them by), and records that failed
 * {@code saga.retry.max-attempts} times (counted in Redis, so restarts do not reset the
 * count) after their last attempt; the records after them go on. A failure because
 * PostgreSQL or Redis is unreachable is not the record's fault: it is retried until the
 * dependency is back, and not counted.</li>
 * </ol>
 * Offsets are committed only after the transactions that applied their records.
 */
public class InboundEvents {

	private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

	private final RedriveFilter redrives;

	private final EventCodec codec;

	private final RedisIdempotency marks;

	private final TransactionTemplate transactions;

	private final InboxTransaction inTransaction;

	private final FailedRecords failures;

	private final InboxMetrics metrics;

	InboundEvents(RedriveFilter redrives, EventCodec codec, RedisIdempotency marks, TransactionTemplate transactions,
			InboxTransaction inTransaction, FailedRecords failures, InboxMetrics metrics) {
		this.redrives = redrives;
		this.codec = codec;
		this.marks = marks;
		this.transactions = transactions;
		this.inTransaction = inTransaction;
		this.failures = failures;
		this.metrics = metrics;
	}

	public void process(List<ConsumerRecord<String, byte[]>> records, EventHandler handler) {
		this.metrics.batchReceived(records.size());
		List<InboundRecord> batch = records.stream()
			.filter(this.redrives::isForThisGroup)
			.map((record) -> InboundRecord.decode(this.codec, record))
			.filter((inbound) -> !(inbound instanceof Decoded decoded) || handler.reactsTo(decoded.event().payload()))
			.toList();
		List<Decoded> readable = batch.stream().filter(Decoded.class::isInstance).map(Decoded.class::cast).toList();
		RedisIdempotency.Marks marks = this.marks
			.markInFlight(readable.stream().map((inbound) -> inbound.event().id()).toList());
		if (batch.size() > 1 && readable.size() == batch.size() && applyAllTogether(readable, marks, handler)) {
			this.marks.markDone(marks.marked());
			return;
		}
		for (InboundRecord inbound : batch) {
			switch (inbound) {
				case Unreadable unreadable -> this.failures.unreadable(unreadable);
				case Decoded event -> applyAlone(event, marks, handler);
			}
		}
	}

	private boolean applyAllTogether(List<Decoded> batch, RedisIdempotency.Marks marks, EventHandler handler) {
		try {
			this.transactions.executeWithoutResult((status) -> this.inTransaction.apply(
					batch.stream().filter((inbound) -> !isKnownDuplicate(inbound, marks)).map(Decoded::event).toList(),
					handler));
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Batch of {} records failed together, applying them one by one: {}", batch.size(), ex.toString());
			return false;
		}
	}

	/**
	 * Applies the record in a transaction of its own; a failure dead-letters it or stops
	 * the batch here.
	 */
	private void applyAlone(Decoded inbound, RedisIdempotency.Marks marks, EventHandler handler) {
		if (isKnownDuplicate(inbound, marks)) {
			return;
		}
		ReceivedEvent event = inbound.event();
		try {
			this.transactions.executeWithoutResult((status) -> this.inTransaction.apply(List.of(event), handler));
		}
		catch (RuntimeException ex) {
			this.marks.release(List.of(event.id()));
			this.failures.failed(inbound.record(), ex);
			return;
		}
		this.marks.markDone(List.of(event.id()), List.of(this.failures.succeeded(inbound.record())));
	}

	private boolean isKnownDuplicate(Decoded inbound, RedisIdempotency.Marks marks) {
		if (marks.done().contains(inbound.event().id())) {
			this.metrics.duplicateSkipped();
			return true;
		}
		return false;
	}

}
