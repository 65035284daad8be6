package dev.ordersaga.messaging.inbox;

/**
 * Makes the inbox forget what this consumer group processed, so that every event it
 * consumes from here on is applied as new: for a read model rebuilt from the topics. The
 * inbox keeps its record in two places, and each is forgotten on its own, so that the
 * caller can clear the database's inside the transaction that clears its model.
 */
public class InboxReset {

	private final ProcessedEvents processed;

	private final RedisIdempotency marks;

	InboxReset(ProcessedEvents processed, RedisIdempotency marks) {
		this.processed = processed;
		this.marks = marks;
	}

	/**
	 * Forgets the events recorded in {@code processed_event}, in the current transaction;
	 * returns how many.
	 */
	public int forgetProcessedEvents() {
		return this.processed.forgetAll();
	}

	/**
	 * Deletes the group's idempotency marks in Redis; returns how many. Call it after the
	 * database's record is gone, and while the group consumes nothing.
	 */
	public long forgetRedisMarks() {
		return this.marks.forgetAll();
	}

}
