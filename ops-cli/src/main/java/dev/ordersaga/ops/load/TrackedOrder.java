package dev.ordersaga.ops.load;

import org.jspecify.annotations.Nullable;

/**
 * An order the run placed and order-service accepted, until its decision arrives. Its
 * latency counts from when it was due: when it was sent, or, in an open loop, when it was
 * scheduled to be sent, so that a client that falls behind does not hide the wait.
 */
final class TrackedOrder {

	private final String id;

	private final Phase phase;

	private final long dueNanos;

	private final Runnable freePlace;

	private @Nullable Outcome outcome;

	private @Nullable String statusSeen;

	private boolean overdue;

	private boolean placeFreed;

	TrackedOrder(String id, Phase phase, long dueNanos, Runnable freePlace) {
		this.id = id;
		this.phase = phase;
		this.dueNanos = dueNanos;
		this.freePlace = freePlace;
	}

	String id() {
		return this.id;
	}

	Phase phase() {
		return this.phase;
	}

	long dueNanos() {
		return this.dueNanos;
	}

	synchronized @Nullable Outcome outcome() {
		return this.outcome;
	}

	synchronized boolean isDecided() {
		return this.outcome != null;
	}

	/** The first decision read for this order; later ones are duplicates. */
	synchronized void decided(Outcome outcome, long nanos) {
		if (this.outcome != null) {
			this.phase.decidedAgain(this, this.outcome, outcome);
			return;
		}
		this.outcome = outcome;
		if (this.overdue) {
			this.overdue = false;
			this.phase.noLongerOverdue();
		}
		this.phase.decided(this, outcome, nanos);
		freePlace();
	}

	/**
	 * No decision within the time allowed: gives up its place among those in flight, so a
	 * lost order cannot stall the run. A late decision still counts.
	 */
	synchronized void markOverdue() {
		if (this.outcome != null || this.overdue) {
			return;
		}
		this.overdue = true;
		this.phase.becameOverdue();
		freePlace();
	}

	private void freePlace() {
		if (!this.placeFreed) {
			this.placeFreed = true;
			this.freePlace.run();
		}
	}

	/** The status {@code GET /orders/{id}?wait=} answered (one order at a time only). */
	synchronized void statusSeen(String status) {
		this.statusSeen = status;
	}

	synchronized @Nullable String statusSeen() {
		return this.statusSeen;
	}

}
