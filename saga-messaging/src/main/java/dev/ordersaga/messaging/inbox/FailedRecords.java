package dev.ordersaga.messaging.inbox;

import dev.ordersaga.messaging.inbox.FailureClassification.Verdict;
import dev.ordersaga.messaging.kafka.DeadLetters;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * Acts on a record that could not be applied (ADR 0005). Unreadable records, records that
 * can never succeed and those out of attempts go to their dead-letter topic, and the
 * batch goes on with the next record; any other failure is thrown as a
 * {@link BatchListenerFailedException} for that record, so the container's error handler
 * commits the offsets before it and retries it with backoff.
 */
class FailedRecords {

	private static final Logger log = LoggerFactory.getLogger(FailedRecords.class);

	private final FailureClassification classification;

	private final AttemptCounter attempts;

	private final UnreadableRecords unreadable;

	private final DeadLetters deadLetters;

	private final InboxMetrics metrics;

	FailedRecords(FailureClassification classification, AttemptCounter attempts, UnreadableRecords unreadable,
			DeadLetters deadLetters, InboxMetrics metrics) {
		this.classification = classification;
		this.attempts = attempts;
		this.unreadable = unreadable;
		this.deadLetters = deadLetters;
		this.metrics = metrics;
	}

	/**
	 * Dead-letters an unreadable record, once per group: a replay over it passes it by.
	 */
	void unreadable(InboundRecord.Unreadable inbound) {
		ConsumerRecord<String, byte[]> record = inbound.record();
		if (this.unreadable.deadLetteredBefore(record)) {
			log.info("{} can never be processed and was dead-lettered before (a replay?); passing it by",
					InboundRecord.describe(record));
			return;
		}
		log.warn("{} can never be processed, dead-lettering it: {}", InboundRecord.describe(record),
				inbound.reason().getMessage());
		this.deadLetters.send(record, inbound.reason());
		this.unreadable.deadLettered(record);
	}

	/**
	 * The record's transaction failed: dead-letters the record, or throws for the error
	 * handler to retry it.
	 */
	void failed(ConsumerRecord<String, byte[]> record, RuntimeException failure) {
		Verdict verdict = this.classification.classify(record, failure);
		this.metrics.failed(verdict.outcome(), record.topic());
		log(record, verdict, failure);
		if (verdict.outcome().deadLetters()) {
			this.deadLetters.send(record, verdict.exception());
			this.attempts.forget(record);
			return;
		}
		throw new BatchListenerFailedException(InboundRecord.describe(record) + " failed", verdict.exception(), record);
	}

	/**
	 * The record was applied: its attempts are forgotten. Returns the Redis key of its
	 * count, for the caller to delete with the event's done mark.
	 */
	String succeeded(ConsumerRecord<String, byte[]> record) {
		return this.attempts.forgetLocally(record);
	}

	private void log(ConsumerRecord<String, byte[]> record, Verdict verdict, RuntimeException failure) {
		String coordinates = InboundRecord.describe(record);
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		String cause = root.getClass().getSimpleName() + ": " + root.getMessage();
		int maxAttempts = this.classification.maxAttempts();
		switch (verdict.outcome()) {
			case OUTAGE -> log.warn("{} waits for a dependency: {}", coordinates, cause);
			case RETRY -> log.warn("{} failed on attempt {} of {}, retrying: {}", coordinates, verdict.attempt(),
					maxAttempts, cause);
			case EXHAUSTED -> log.warn("{} failed on attempt {} of {}, dead-lettering it: {}", coordinates,
					verdict.attempt(), maxAttempts, cause);
			case NOT_RETRYABLE -> log.warn("{} can never be processed, dead-lettering it: {}", coordinates, cause);
		}
	}

}
