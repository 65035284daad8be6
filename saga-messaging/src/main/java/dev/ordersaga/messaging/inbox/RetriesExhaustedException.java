package dev.ordersaga.messaging.inbox;

import org.springframework.core.NestedExceptionUtils;

/**
 * A record failed on every attempt it was allowed. The inbox dead-letters the record with
 * this exception itself (ADR 0005); it never reaches the container's error handler. Its
 * cause is the last failure: the dead letter names this class in
 * {@code kafka_dlt-exception-fqcn}, the last failure's root cause in
 * {@code kafka_dlt-exception-cause-fqcn}, and {@link #attempts()} in
 * {@code saga-attempts}.
 */
public class RetriesExhaustedException extends RuntimeException {

	private final long attempts;

	RetriesExhaustedException(long attempts, Throwable lastFailure) {
		super("failed " + attempts + " times, last with " + describe(lastFailure), lastFailure);
		this.attempts = attempts;
	}

	public long attempts() {
		return this.attempts;
	}

	private static String describe(Throwable failure) {
		Throwable root = NestedExceptionUtils.getMostSpecificCause(failure);
		return root.getClass().getName() + ": " + root.getMessage();
	}

}
