package dev.ordersaga.orderservice.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Waiting for an order: waiters of one order share its next change, a waiter that gives
 * up leaves the others waiting, one query finds what other instances decided, and the
 * number of waiting requests is capped.
 */
class OrderChangeSignalsTests {

	private final Set<UUID> decidedElsewhere = new HashSet<>();

	private final List<Collection<UUID>> queries = new ArrayList<>();

	private final OrderChangeSignals signals = new OrderChangeSignals((ids) -> {
		this.queries.add(List.copyOf(ids));
		return ids.stream().filter(this.decidedElsewhere::contains).toList();
	}, 2);

	private final UUID order = UUID.randomUUID();

	@Test
	void aChangeCommittedHereWakesEveryWaiterOfTheOrder() {
		CompletableFuture<Void> first = this.signals.nextChange(this.order);
		CompletableFuture<Void> second = this.signals.nextChange(this.order);

		this.signals.afterCommit(this.order);

		assertThat(first).isCompleted();
		assertThat(second).isCompleted();
		assertThat(this.signals.waitedOn()).isZero();
	}

	@Test
	void aWaiterThatGivesUpLeavesTheOthersWaiting() {
		CompletableFuture<Void> leaving = this.signals.nextChange(this.order);
		CompletableFuture<Void> staying = this.signals.nextChange(this.order);

		this.signals.forget(this.order, leaving);
		this.signals.afterCommit(this.order);

		assertThat(staying).isCompleted();
	}

	@Test
	void theInterestGoesWithTheLastWaiter() {
		CompletableFuture<Void> first = this.signals.nextChange(this.order);
		CompletableFuture<Void> second = this.signals.nextChange(this.order);

		this.signals.forget(this.order, first);
		assertThat(this.signals.waitedOn()).isOne();
		this.signals.forget(this.order, second);
		assertThat(this.signals.waitedOn()).isZero();
	}

	@Test
	void forgettingAChangeThatCameLeavesTheNextOneAlone() {
		CompletableFuture<Void> came = this.signals.nextChange(this.order);
		this.signals.afterCommit(this.order);
		CompletableFuture<Void> next = this.signals.nextChange(this.order);

		this.signals.forget(this.order, came);
		this.signals.afterCommit(this.order);

		assertThat(next).isCompleted();
	}

	@Test
	void oneQueryFindsTheOrdersOtherInstancesDecidedAndWakesOnlyTheirWaiters() {
		UUID undecided = UUID.randomUUID();
		CompletableFuture<Void> decided = this.signals.nextChange(this.order);
		CompletableFuture<Void> stillOpen = this.signals.nextChange(undecided);
		this.decidedElsewhere.add(this.order);

		this.signals.recheck();

		assertThat(this.queries).singleElement()
			.satisfies((ids) -> assertThat(ids).containsExactlyInAnyOrder(this.order, undecided));
		assertThat(decided).isCompleted();
		assertThat(stillOpen).isNotDone();
	}

	@Test
	void nothingWaitedOnAsksNothing() {
		this.signals.recheck();

		assertThat(this.queries).isEmpty();
	}

	@Test
	void onlySoManyRequestsWaitAtOnce() {
		this.signals.enter();
		this.signals.enter();

		assertThatExceptionOfType(TooManyWaitingRequestsException.class).isThrownBy(this.signals::enter)
			.withMessage("Too many requests are waiting for orders (at most 2); ask again later, or without wait");
		this.signals.leave();
		this.signals.enter();
	}

}
