package dev.ordersaga.ops.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class TrackingTests {

	private static final Outcome CONFIRMED = new Outcome(Outcome.Status.CONFIRMED, null);

	private static final Outcome OUT_OF_STOCK = new Outcome(Outcome.Status.REJECTED, "OUT_OF_STOCK");

	private final Tracking tracking = new Tracking();

	private final Phase phase = new Phase();

	private final AtomicInteger placesFreed = new AtomicInteger();

	@Test
	void aDecisionIsMatchedToItsOrderAndTimedFromWhenTheOrderWasDue() {
		accept("o-1", millis(1));

		this.tracking.decided("o-1", CONFIRMED, millis(51));

		assertThat(this.phase.counts().decided()).isEqualTo(1);
		assertThat(this.phase.decisionLatency().max()).isEqualTo(50.0);
		assertThat(this.phase.outcomes()).containsExactly(entry(CONFIRMED, 1L));
		assertThat(this.placesFreed).hasValue(1);
	}

	@Test
	void aDecisionReadBeforeThePostWasAnsweredWaitsForItsOrder() {
		this.tracking.decided("o-1", OUT_OF_STOCK, millis(30));

		accept("o-1", millis(10));

		assertThat(this.phase.outcomes()).containsExactly(entry(OUT_OF_STOCK, 1L));
		assertThat(this.phase.decisionLatency().max()).isEqualTo(20.0);
	}

	@Test
	void decisionsForOrdersOfOtherClientsCountForNothing() {
		accept("o-1", 0);

		this.tracking.decided("someone-elses", CONFIRMED, millis(5));

		assertThat(this.phase.counts().decided()).isZero();
		assertThat(this.phase.counts().inFlight()).isEqualTo(1);
	}

	@Test
	void theSameDecisionTwiceIsADuplicateAndNotASecondOutcome() {
		accept("o-1", 0);

		this.tracking.decided("o-1", CONFIRMED, millis(5));
		this.tracking.decided("o-1", CONFIRMED, millis(6));

		assertThat(this.phase.counts().decided()).isEqualTo(1);
		assertThat(this.phase.duplicates()).isEqualTo(1);
		assertThat(this.phase.counts().errors()).isZero();
		assertThat(this.placesFreed).hasValue(1);
	}

	@Test
	void twoDifferentDecisionsForOneOrderAreAnError() {
		accept("o-1", 0);

		this.tracking.decided("o-1", CONFIRMED, millis(5));
		this.tracking.decided("o-1", OUT_OF_STOCK, millis(6));

		assertThat(this.phase.outcomes()).containsExactly(entry(CONFIRMED, 1L));
		assertThat(this.phase.errorsByKind())
			.containsExactly(entry("decided twice (CONFIRMED, then REJECTED OUT_OF_STOCK)", 1L));
	}

	@Test
	void anOrderWithoutADecisionInTimeFreesItsPlaceAndStillCountsWhenItsDecisionComes() {
		accept("late", 0);
		accept("recent", millis(9_000));

		this.phase.markOverdue(millis(10_001), Duration.ofSeconds(10));

		assertThat(this.phase.counts().overdue()).isEqualTo(1);
		assertThat(this.placesFreed).hasValue(1);

		this.tracking.decided("late", CONFIRMED, millis(12_000));

		assertThat(this.phase.counts().overdue()).isZero();
		assertThat(this.phase.counts().decided()).isEqualTo(1);
		assertThat(this.placesFreed).hasValue(1);
	}

	@Test
	void decisionsReadAfterTheRunStoppedAreLeftOut() {
		accept("o-1", 0);
		this.tracking.stop();

		this.tracking.decided("o-1", CONFIRMED, millis(5));

		assertThat(this.phase.counts().decided()).isZero();
	}

	private void accept(String id, long dueNanos) {
		TrackedOrder order = new TrackedOrder(id, this.phase, dueNanos, this.placesFreed::incrementAndGet);
		this.phase.accepted(order);
		this.tracking.accepted(order);
	}

	private static long millis(long ms) {
		return Duration.ofMillis(ms).toNanos();
	}

}
