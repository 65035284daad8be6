package dev.ordersaga.ops.load;

import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Matches decisions read from Kafka with the orders the run placed, by order id (the
 * records' key). A decision can arrive before order-service's answer to the POST does; it
 * waits here for its order. Decisions for orders of other clients wait here too, and are
 * never matched.
 */
final class Tracking {

	/** What is known about one order id: the order, its first decision, or both. */
	private static final class Slot {

		@Nullable TrackedOrder order;

		@Nullable Outcome outcome;

		long decidedNanos;

	}

	private final ConcurrentHashMap<String, Slot> byId = new ConcurrentHashMap<>();

	private volatile boolean stopped;

	/** An order order-service accepted. */
	void accepted(TrackedOrder order) {
		Slot slot = this.byId.computeIfAbsent(order.id(), (id) -> new Slot());
		synchronized (slot) {
			slot.order = order;
			if (slot.outcome != null) {
				order.decided(slot.outcome, slot.decidedNanos);
			}
		}
	}

	/** A decision read from Kafka at {@code nanos}. */
	void decided(String orderId, Outcome outcome, long nanos) {
		if (this.stopped) {
			return;
		}
		Slot slot = this.byId.computeIfAbsent(orderId, (id) -> new Slot());
		synchronized (slot) {
			if (slot.order != null) {
				slot.order.decided(outcome, nanos);
			}
			else if (slot.outcome == null) {
				slot.outcome = outcome;
				slot.decidedNanos = nanos;
			}
		}
	}

	/** Decisions from now on come too late for the report: they are ignored. */
	void stop() {
		this.stopped = true;
	}

}
