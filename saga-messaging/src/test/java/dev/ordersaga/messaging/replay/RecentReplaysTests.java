package dev.ordersaga.messaging.replay;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.events.control.ReplayRequested;
import dev.ordersaga.messaging.test.MutableClock;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentReplaysTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

	private final RecentReplays replays = new RecentReplays(this.clock);

	@Test
	void knowsTheTargetOfARecentReplayOfAPartition() {
		this.replays.add(replay("order.created", Map.of(0, 10L, 3, 42L)));

		assertThat(this.replays.targetOf(new TopicPartition("order.created", 3))).contains(42L);
		assertThat(this.replays.targetOf(new TopicPartition("order.created", 0))).contains(10L);
	}

	@Test
	void knowsNothingOfPartitionsAndTopicsNoReplayNamed() {
		this.replays.add(replay("order.created", Map.of(0, 10L)));

		assertThat(this.replays.targetOf(new TopicPartition("order.created", 1))).isEmpty();
		assertThat(this.replays.targetOf(new TopicPartition("order.confirmed", 0))).isEmpty();
	}

	@Test
	void prefersTheLatestReplayOfAPartition() {
		this.replays.add(replay("order.created", Map.of(0, 10L)));
		this.clock.advance(Duration.ofSeconds(30));
		this.replays.add(replay("order.created", Map.of(0, 5L)));

		assertThat(this.replays.targetOf(new TopicPartition("order.created", 0))).contains(5L);
	}

	@Test
	void keepsAReplayForTheWholeWindow() {
		this.replays.add(replay("order.created", Map.of(0, 10L)));

		this.clock.advance(RecentReplays.WINDOW);

		assertThat(this.replays.targetOf(new TopicPartition("order.created", 0))).contains(10L);
	}

	@Test
	void forgetsAReplayOlderThanTheWindow() {
		this.replays.add(replay("order.created", Map.of(0, 10L)));
		this.clock.advance(Duration.ofSeconds(90));
		this.replays.add(replay("order.created", Map.of(1, 20L)));

		this.clock.advance(Duration.ofSeconds(31));

		assertThat(this.replays.targetOf(new TopicPartition("order.created", 0))).isEmpty();
		assertThat(this.replays.targetOf(new TopicPartition("order.created", 1))).contains(20L);
	}

	@Test
	void forgetsEveryReplayWhenCleared() {
		this.replays.add(replay("order.created", Map.of(0, 10L)));

		this.replays.clear();

		assertThat(this.replays.targetOf(new TopicPartition("order.created", 0))).isEmpty();
	}

	private ReplayRequested replay(String topic, Map<Integer, Long> offsets) {
		return new ReplayRequested(UUID.randomUUID(), "inventory-service", topic, offsets, "ops@host",
				this.clock.instant());
	}

}
