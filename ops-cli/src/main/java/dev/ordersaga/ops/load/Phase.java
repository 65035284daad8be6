package dev.ordersaga.ops.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * One stretch of a run, the warm-up or the measured part, and what happened to the orders
 * it placed. Updated from the thread that sends, the HTTP client's threads and the
 * decision reader; read for the progress line and, once settled, for the report.
 */
final class Phase {

	/** An order sent this much later than scheduled counts as late. */
	static final Duration LATE = Duration.ofMillis(10);

	/** The counters at one moment. */
	record Counts(int posted, int answered, int accepted, int shed, int errors, int decided, int overdue) {

		int inFlight() {
			return this.accepted - this.decided;
		}

	}

	private final AtomicInteger nextOrder = new AtomicInteger();

	private final AtomicInteger posted = new AtomicInteger();

	private final AtomicInteger answered = new AtomicInteger();

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger shed = new AtomicInteger();

	private final AtomicInteger errors = new AtomicInteger();

	private final AtomicInteger decided = new AtomicInteger();

	private final AtomicInteger overdue = new AtomicInteger();

	private final AtomicInteger duplicates = new AtomicInteger();

	private final AtomicInteger late = new AtomicInteger();

	private final LongAccumulator mostLate = new LongAccumulator(Math::max, 0);

	private final LongAccumulator firstSent = new LongAccumulator(Math::min, Long.MAX_VALUE);

	private final LongAccumulator lastSent = new LongAccumulator(Math::max, Long.MIN_VALUE);

	private final LongAccumulator lastDecided = new LongAccumulator(Math::max, Long.MIN_VALUE);

	private final Map<String, LongAdder> errorsByKind = new ConcurrentHashMap<>();

	private final Map<Outcome, LongAdder> outcomes = new ConcurrentHashMap<>();

	private final Queue<TrackedOrder> acceptedOrders = new ConcurrentLinkedQueue<>();

	/** Accepted orders not known to be decided, oldest first; trimmed by the ticker. */
	private final Queue<TrackedOrder> undecided = new ConcurrentLinkedQueue<>();

	private final Latencies decisionLatency = new Latencies();

	private final Latencies postLatency = new Latencies();

	private final Latencies waitLatency = new Latencies();

	/** The number of the next order to place, from 0. */
	int nextOrder() {
		return this.nextOrder.getAndIncrement();
	}

	void sent(long nanos) {
		this.posted.incrementAndGet();
		this.firstSent.accumulate(nanos);
		this.lastSent.accumulate(nanos);
	}

	/** An open loop sent an order {@code nanos} after its scheduled time. */
	void sentLate(long nanos) {
		if (nanos > LATE.toNanos()) {
			this.late.incrementAndGet();
		}
		this.mostLate.accumulate(nanos);
	}

	void answered(long sentNanos, long answeredNanos) {
		this.postLatency.record(answeredNanos - sentNanos);
		this.answered.incrementAndGet();
	}

	void accepted(TrackedOrder order) {
		this.acceptedOrders.add(order);
		this.undecided.add(order);
		this.accepted.incrementAndGet();
	}

	/** order-service shed the order (429): it is not expected to complete. */
	void shed() {
		this.shed.incrementAndGet();
	}

	/** Something went wrong for one order, e.g. {@code POST /orders answered 500}. */
	void failed(String kind) {
		this.errors.incrementAndGet();
		this.errorsByKind.computeIfAbsent(kind, (k) -> new LongAdder()).increment();
	}

	void decided(TrackedOrder order, Outcome outcome, long nanos) {
		this.outcomes.computeIfAbsent(outcome, (o) -> new LongAdder()).increment();
		this.decisionLatency.record(nanos - order.dueNanos());
		this.lastDecided.accumulate(nanos);
		this.decided.incrementAndGet();
	}

	/**
	 * A second decision for an order: a duplicate when it says the same, an error
	 * otherwise.
	 */
	void decidedAgain(TrackedOrder order, Outcome first, Outcome again) {
		if (first.equals(again)) {
			this.duplicates.incrementAndGet();
		}
		else {
			failed("decided twice (" + first.label() + ", then " + again.label() + ")");
		}
	}

	void waited(long sentNanos, long answeredNanos) {
		this.waitLatency.record(answeredNanos - sentNanos);
	}

	void becameOverdue() {
		this.overdue.incrementAndGet();
	}

	void noLongerOverdue() {
		this.overdue.decrementAndGet();
	}

	/**
	 * Marks the orders that had no decision within {@code timeout} of being due, so that
	 * they free their place among those in flight.
	 */
	void markOverdue(long nowNanos, Duration timeout) {
		TrackedOrder oldest;
		while ((oldest = this.undecided.peek()) != null) {
			if (oldest.isDecided()) {
				this.undecided.poll();
			}
			else if (nowNanos - oldest.dueNanos() > timeout.toNanos()) {
				oldest.markOverdue();
				this.undecided.poll();
			}
			else {
				return;
			}
		}
	}

	Counts counts() {
		return new Counts(this.posted.get(), this.answered.get(), this.accepted.get(), this.shed.get(),
				this.errors.get(), this.decided.get(), this.overdue.get());
	}

	int duplicates() {
		return this.duplicates.get();
	}

	int late() {
		return this.late.get();
	}

	Duration mostLate() {
		return Duration.ofNanos(this.mostLate.get());
	}

	/** From the first POST to the last decision (or the last POST, if none came). */
	Duration elapsed() {
		if (this.posted.get() == 0) {
			return Duration.ZERO;
		}
		long end = (this.decided.get() > 0) ? Math.max(this.lastDecided.get(), this.lastSent.get())
				: this.lastSent.get();
		return Duration.ofNanos(end - this.firstSent.get());
	}

	/** Since the first POST, for the progress line. */
	Duration runningFor(long nowNanos) {
		return (this.posted.get() == 0) ? Duration.ZERO : Duration.ofNanos(nowNanos - this.firstSent.get());
	}

	long lastSentNanos() {
		return this.lastSent.get();
	}

	Map<Outcome, Long> outcomes() {
		Map<Outcome, Long> sorted = new TreeMap<>();
		this.outcomes.forEach((outcome, count) -> sorted.put(outcome, count.sum()));
		return sorted;
	}

	Map<String, Long> errorsByKind() {
		Map<String, Long> sorted = new TreeMap<>();
		this.errorsByKind.forEach((kind, count) -> sorted.put(kind, count.sum()));
		return sorted;
	}

	List<TrackedOrder> acceptedOrders() {
		return List.copyOf(this.acceptedOrders);
	}

	Latencies.Summary decisionLatency() {
		return this.decisionLatency.summary();
	}

	Latencies.Summary postLatency() {
		return this.postLatency.summary();
	}

	Latencies.Summary waitLatency() {
		return this.waitLatency.summary();
	}

}
