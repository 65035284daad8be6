package dev.ordersaga.messaging.inbox;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.stream.Stream;

import dev.ordersaga.messaging.kafka.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Decides what a failed attempt at a record means for it: a dependency is down (retry
 * without counting), the record can never succeed (dead-letter it now), or one more of
 * its {@code saga.retry.max-attempts} is used up (retry, or dead-letter it after the
 * last). It counts the attempt and records nothing else: the caller acts on the verdict.
 */
class FailureClassification {

	/**
	 * Failures that say the record, or the code handling it, is broken: Spring Kafka's
	 * own list of exceptions it never retries, and a contract violation a handler found.
	 */
	private static final List<Class<? extends Throwable>> NEVER_SUCCEED = Stream
		.concat(ExceptionClassifier.defaultFatalExceptionsList().stream(), Stream.of(UnreadableEventException.class))
		.toList();

	/** What a failure meant; {@link #tag()} names it in metrics. */
	enum Outcome {

		/** PostgreSQL or Redis is unreachable: retried until it is back, not counted. */
		OUTAGE("outage"),
		/** Attempts are left: retried after a backoff. */
		RETRY("retry"),
		/** The last attempt failed: dead-lettered. */
		EXHAUSTED("exhausted"),
		/** Retrying cannot help: dead-lettered at once. */
		NOT_RETRYABLE("not-retryable");

		private final String tag;

		Outcome(String tag) {
			this.tag = tag;
		}

		String tag() {
			return this.tag;
		}

		boolean deadLetters() {
			return this == EXHAUSTED || this == NOT_RETRYABLE;
		}

	}

	/**
	 * @param outcome what the failure meant
	 * @param attempt the attempts the record has failed so far (0 for an outage, which
	 * does not count)
	 * @param exception what to dead-letter the record with, or to hand to the error
	 * handler
	 */
	record Verdict(Outcome outcome, long attempt, RuntimeException exception) {
	}

	private final AttemptCounter attempts;

	private final int maxAttempts;

	FailureClassification(AttemptCounter attempts, int maxAttempts) {
		this.attempts = attempts;
		this.maxAttempts = maxAttempts;
	}

	int maxAttempts() {
		return this.maxAttempts;
	}

	Verdict classify(ConsumerRecord<?, ?> record, RuntimeException failure) {
		if (isOutage(failure)) {
			return new Verdict(Outcome.OUTAGE, 0,
					new DependencyOutageException(InboundRecord.describe(record) + " waits for a dependency", failure));
		}
		if (neverSucceeds(failure)) {
			return new Verdict(Outcome.NOT_RETRYABLE, 1, failure);
		}
		long attempt = this.attempts.failed(record);
		if (attempt >= this.maxAttempts) {
			return new Verdict(Outcome.EXHAUSTED, attempt, new RetriesExhaustedException(attempt, failure));
		}
		return new Verdict(Outcome.RETRY, attempt, new RetryableFailureException(attempt, this.maxAttempts, failure));
	}

	/** PostgreSQL or Redis unreachable: the dependency's fault, not the record's. */
	static boolean isOutage(Throwable failure) {
		return anyCause(failure,
				(cause) -> cause instanceof CannotCreateTransactionException
						|| cause instanceof DataAccessResourceFailureException
						|| cause instanceof TransientDataAccessResourceException || cause instanceof ConnectException
						|| (cause instanceof SQLException sql && sql.getSQLState() != null
								&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))));
	}

	static boolean neverSucceeds(Throwable failure) {
		return anyCause(failure, (cause) -> NEVER_SUCCEED.stream().anyMatch((type) -> type.isInstance(cause)));
	}

	private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
		return Stream.iterate(failure, Objects::nonNull, Throwable::getCause).anyMatch(test);
	}

}
