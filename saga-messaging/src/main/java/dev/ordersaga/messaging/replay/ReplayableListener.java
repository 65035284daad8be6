package dev.ordersaga.messaging.replay;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.TopicPartition;

import org.springframework.kafka.listener.AbstractConsumerSeekAware;

/**
 * The base of every saga listener: it keeps the seek callbacks of the consumers that run
 * it, so a replay can move the partitions this instance owns while it runs. A seek asked
 * from another thread is queued and carried out by the consumer's own thread before its
 * next poll; the records from there on are consumed again, and the inbox skips those
 * applied before.
 */
public abstract class ReplayableListener extends AbstractConsumerSeekAware {

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
