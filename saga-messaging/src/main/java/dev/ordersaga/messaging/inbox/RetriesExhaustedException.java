package dev.ordersaga.messaging.inbox;

/** A record failed on every attempt it was allowed: it goes to its dead-letter topic. */
public class RetriesExhaustedException extends RuntimeException {

	private final long attempts;

	RetriesExhaustedException(long attempts, Throwable cause) {
		super("failed " + attempts + " times: " + cause.getMessage(), cause);
		this.attempts = attempts;
	}

	public long attempts() {
		return this.attempts;
	}

}
