package dev.ordersaga.messaging.inbox;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Counts the failed attempts of a record in Redis, keyed by consumer group and the record
 * ({@link RecordKeys}), so the count survives a restart or a rebalance that hands the
 * partition to another instance. While Redis is unreachable it counts in memory.
 */
class AttemptCounter {

	private static final Logger log = LoggerFactory.getLogger(AttemptCounter.class);

	private static final Duration KEEP = Duration.ofDays(1);

	private final StringRedisTemplate redis;

	private final String group;

	private final Map<String, Long> local = new ConcurrentHashMap<>();

	AttemptCounter(StringRedisTemplate redis, String group) {
		this.redis = redis;
		this.group = group;
	}

	/** Records one more failed attempt; returns how many there were in all. */
	long failed(ConsumerRecord<?, ?> record) {
		String key = key(record);
		try {
			Long attempts = this.redis.opsForValue().increment(key);
			this.redis.expire(key, KEEP);
			if (attempts != null) {
				this.local.remove(key);
				return attempts;
			}
		}
		catch (RuntimeException ex) {
			log.debug("Redis unreachable, counting attempts of {} in memory: {}", key, ex.toString());
		}
		return this.local.merge(key, 1L, Long::sum);
	}

	/**
	 * Forgets the record's attempts in memory; returns the key of its count in Redis, for
	 * the caller to delete along with its other writes (one round trip).
	 */
	String forgetLocally(ConsumerRecord<?, ?> record) {
		String key = key(record);
		this.local.remove(key);
		return key;
	}

	/** Forgets the attempts of a record that was dead-lettered, here and in Redis. */
	void forget(ConsumerRecord<?, ?> record) {
		String key = forgetLocally(record);
		try {
			this.redis.delete(key);
		}
		catch (RuntimeException ex) {
			log.debug("Redis unreachable, attempts of {} expire on their own: {}", key, ex.toString());
		}
	}

	private String key(ConsumerRecord<?, ?> record) {
		return RecordKeys.of("attempts", this.group, record);
	}

}
