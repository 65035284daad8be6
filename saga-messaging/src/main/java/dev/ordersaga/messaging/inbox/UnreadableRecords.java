package dev.ordersaga.messaging.inbox;

import java.time.Duration;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Remembers, per consumer group, the unreadable records it dead-lettered (keyed by
 * {@link RecordKeys}), so that a replay over them does not dead-letter the same bytes
 * again: they would fail the same way, and a second copy tells an operator nothing.
 * Records that failed in their handler are dead-lettered again when a replay fails them
 * again, since that failure is news. While Redis is unreachable nothing is remembered and
 * a replay may add a copy, which is harmless.
 */
class UnreadableRecords {

	private static final Logger log = LoggerFactory.getLogger(UnreadableRecords.class);

	private final StringRedisTemplate redis;

	private final String group;

	private final Duration keep;

	UnreadableRecords(StringRedisTemplate redis, String group, Duration keep) {
		this.redis = redis;
		this.group = group;
		this.keep = keep;
	}

	boolean deadLetteredBefore(ConsumerRecord<?, ?> record) {
		try {
			return Boolean.TRUE.equals(this.redis.hasKey(key(record)));
		}
		catch (RuntimeException ex) {
			log.debug("Redis unreachable, cannot tell whether {} was dead-lettered before: {}", key(record),
					ex.toString());
			return false;
		}
	}

	/** Called once the dead letter is on its topic. */
	void deadLettered(ConsumerRecord<?, ?> record) {
		try {
			this.redis.opsForValue().set(key(record), "dead-lettered", this.keep);
		}
		catch (RuntimeException ex) {
			log.debug("Redis unreachable, {} is not remembered as dead-lettered: {}", key(record), ex.toString());
		}
	}

	private String key(ConsumerRecord<?, ?> record) {
		return RecordKeys.of("unreadable", this.group, record);
	}

}
