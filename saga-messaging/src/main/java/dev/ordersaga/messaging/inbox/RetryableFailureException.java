package dev.ordersaga.messaging.inbox;

/** A record failed, and has attempts left: it is retried after a backoff. */
class RetryableFailureException extends RuntimeException {

	RetryableFailureException(long attempt, long maxAttempts, Throwable cause) {
		super("attempt " + attempt + " of " + maxAttempts + " failed: " + cause.getMessage(), cause);
	}

}
