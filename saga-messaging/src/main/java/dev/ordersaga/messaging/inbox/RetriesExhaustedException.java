package dev.ordersaga.messaging.inbox;

/**
 * A record failed on every attempt it was allowed: it goes to its dead-letter topic. The
 * last failure is described (its class, message and stack trace) rather than chained as
 * the cause, so that the error handler classifies this exception, and nothing beneath it,
 * as not retryable.
 */
public class RetriesExhaustedException extends RuntimeException {

	private final long attempts;

	private final String lastFailure;

	RetriesExhaustedException(long attempts, Throwable lastFailure) {
		super("failed " + attempts + " times, last with " + rootOf(lastFailure).getClass().getName() + ": "
				+ rootOf(lastFailure).getMessage());
		this.attempts = attempts;
		this.lastFailure = rootOf(lastFailure).getClass().getName();
		setStackTrace(rootOf(lastFailure).getStackTrace());
	}

	public long attempts() {
		return this.attempts;
	}

	/** The class of the exception that made the last attempt fail. */
	public String lastFailure() {
		return this.lastFailure;
	}

	private static Throwable rootOf(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root;
	}

}
