package dev.ordersaga.events;

import java.util.SequencedMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TopicsTests {

	@Test
	void everySagaTopicAndItsDeadLetterTopicGetTheSamePartitionCount() {
		SequencedMap<String, Integer> topics = Topics.partitionsByTopic(6);
		assertThat(Topics.ALL).allSatisfy((topic) -> {
			assertThat(topics).containsEntry(topic, 6);
			assertThat(topics).containsEntry(topic + ".dlq", 6);
		});
	}

	@Test
	void theControlTopicHasOnePartitionAndNoDeadLetterTopic() {
		SequencedMap<String, Integer> topics = Topics.partitionsByTopic(6);
		assertThat(topics).containsEntry("saga.control", 1).doesNotContainKey("saga.control.dlq");
		assertThat(topics).hasSize(Topics.ALL.size() * 2 + 1);
	}

	@Test
	void refusesATopicWithoutPartitions() {
		assertThatIllegalArgumentException().isThrownBy(() -> Topics.partitionsByTopic(0))
			.withMessageContaining("at least one partition");
	}

	@Test
	void analyticsReadsEveryOrderEventAndNoOtherTopic() {
		assertThat(Subscription.ANALYTICS.group()).isEqualTo("analytics-service");
		assertThat(Subscription.ANALYTICS.topics()).containsExactlyInAnyOrder(EventType.ORDER_CREATED.topic(),
				EventType.ORDER_CONFIRMED.topic(), EventType.ORDER_REJECTED.topic(), EventType.ORDER_CANCELLED.topic());
	}

}
