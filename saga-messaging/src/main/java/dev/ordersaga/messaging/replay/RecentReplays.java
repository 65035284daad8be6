package dev.ordersaga.messaging.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedDeque;

import dev.ordersaga.events.control.ReplayRequested;
import org.apache.kafka.common.TopicPartition;

/**
 * The replays of this group requested in the last few minutes. A seek lives in the
 * consumer that made it until its next commit: when a rebalance hands a partition to
 * another consumer in between, the new owner would start from the old committed offset.
 * So a consumer that is assigned a partition seeks it to the target of a recent replay of
 * it, if there is one; seeking a partition whose replay had already been consumed only
 * reads it again, which idempotency makes harmless.
 */
final class RecentReplays {

	/** Longer than a rebalance after a lost instance (the session timeout) takes. */
	static final Duration WINDOW = Duration.ofMinutes(2);

	private record Received(ReplayRequested request, Instant at) {
	}

	private final Deque<Received> replays = new ConcurrentLinkedDeque<>();

	private final Clock clock;

	RecentReplays(Clock clock) {
		this.clock = clock;
	}

	void add(ReplayRequested request) {
		this.replays.addFirst(new Received(request, this.clock.instant()));
		forgetOld();
	}

	/** The offset the latest recent replay of the partition asked for. */
	Optional<Long> targetOf(TopicPartition partition) {
		forgetOld();
		for (Received received : this.replays) {
			ReplayRequested request = received.request();
			if (request.topic().equals(partition.topic()) && request.offsets().containsKey(partition.partition())) {
				return Optional.of(request.offsets().get(partition.partition()));
			}
		}
		return Optional.empty();
	}

	/** Forgets every replay: a rebuild has moved the whole group since. */
	void clear() {
		this.replays.clear();
	}

	private void forgetOld() {
		Instant horizon = this.clock.instant().minus(WINDOW);
		for (Iterator<Received> oldest = this.replays.descendingIterator(); oldest.hasNext();) {
			if (oldest.next().at().isBefore(horizon)) {
				oldest.remove();
			}
		}
	}

}
