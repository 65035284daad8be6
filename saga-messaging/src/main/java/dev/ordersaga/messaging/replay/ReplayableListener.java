package dev.ordersaga.messaging.replay;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.AbstractConsumerSeekAware;

/**
 * The base of every saga listener: it keeps the seek callbacks of the consumers that run
 * it, so a replay can move the partitions this instance owns while it runs. A seek asked
 * from another thread is queued and carried out by the consumer's own thread before its
 * next poll; the records from there on are consumed again, and the inbox skips those
 * applied before.
 */
public abstract class ReplayableListener extends AbstractConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(ReplayableListener.class);

	private volatile @Nullable RecentReplays recent;

	void follow(RecentReplays replays) {
		this.recent = replays;
	}

	/**
	 * A partition assigned within a few minutes of a replay of it is moved to the
	 * replay's target: the consumer that seeked it before the rebalance may not have
	 * committed since.
	 */
	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		super.onPartitionsAssigned(assignments, callback);
		RecentReplays replays = this.recent;
		if (replays == null) {
			return;
		}
		assignments.keySet().forEach((partition) -> replays.targetOf(partition).ifPresent((offset) -> {
			log.info("Partition {} assigned within {} of a replay of it: consuming it again from {}", partition,
					RecentReplays.WINDOW, offset);
			callback.seek(partition.topic(), partition.partition(), offset);
		}));
	}

	/**
	 * Seeks those of the given partitions that this instance owns now.
	 * @param offsets the offset to consume again from, by partition
	 * @return the partitions seeked, with their offsets
	 */
	Map<Integer, Long> seek(String topic, Map<Integer, Long> offsets) {
		Map<Integer, Long> seeked = new TreeMap<>();
		offsets.forEach((partition, offset) -> {
			List<ConsumerSeekCallback> callbacks = getSeekCallbacksFor(new TopicPartition(topic, partition));
			if (callbacks != null && !callbacks.isEmpty()) {
				callbacks.forEach((callback) -> callback.seek(topic, partition, offset));
				seeked.put(partition, offset);
			}
		});
		return seeked;
	}

}
