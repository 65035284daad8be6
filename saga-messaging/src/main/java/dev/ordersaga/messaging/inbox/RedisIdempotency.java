package dev.ordersaga.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.SetCondition;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;

/**
 * The fast check of idempotency, in Redis. Before a batch is applied, every event gets an
 * in-flight mark ({@code SET NX} with a short TTL) unless it has one; an event whose mark
 * says {@code done} is skipped without touching the database. After the transaction
 * commits, the marks become {@code done} for at least the topic retention. The database's
 * {@code processed_event} table stays the truth: with every key lost, or Redis down, the
 * events are still applied once.
 */
class RedisIdempotency {

	private static final Logger log = LoggerFactory.getLogger(RedisIdempotency.class);

	private static final byte[] IN_FLIGHT = "in-flight".getBytes(StandardCharsets.UTF_8);

	private static final String PREFIX = "saga:processed:";

	private static final int SCAN_BATCH = 1000;

	private static final byte[] DONE = "done".getBytes(StandardCharsets.UTF_8);

	private final StringRedisTemplate redis;

	private final String group;

	private final Duration inFlightTtl;

	private final Duration doneTtl;

	RedisIdempotency(StringRedisTemplate redis, String group, Duration inFlightTtl, Duration doneTtl) {
		this.redis = redis;
		this.group = group;
		this.inFlightTtl = inFlightTtl;
		this.doneTtl = doneTtl;
	}

	/**
	 * What marking found: events already done (skip them), and the marks this call set.
	 */
	record Marks(Set<UUID> done, List<UUID> marked) {

		static final Marks NONE = new Marks(Set.of(), List.of());

	}

	/**
	 * Marks the events in flight; reports those already done, which can be skipped. When
	 * Redis cannot answer, none are: the database decides.
	 */
	Marks markInFlight(List<UUID> eventIds) {
		if (eventIds.isEmpty()) {
			return Marks.NONE;
		}
		try {
			List<Object> marked = this.redis.executePipelined((RedisCallback<@Nullable Object>) (connection) -> {
				for (UUID id : eventIds) {
					connection.stringCommands()
						.set(key(id), IN_FLIGHT, SetCondition.ifAbsent(), Expiration.from(this.inFlightTtl));
				}
				return null;
			});
			List<UUID> taken = new ArrayList<>();
			List<UUID> mine = new ArrayList<>();
			for (int i = 0; i < eventIds.size(); i++) {
				(Boolean.TRUE.equals(marked.get(i)) ? mine : taken).add(eventIds.get(i));
			}
			if (taken.isEmpty()) {
				return new Marks(Set.of(), mine);
			}
			List<@Nullable String> states = this.redis.opsForValue()
				.multiGet(taken.stream().map(this::keyText).toList());
			Set<UUID> done = new HashSet<>();
			for (int i = 0; i < taken.size(); i++) {
				if (states != null && "done".equals(states.get(i))) {
					done.add(taken.get(i));
				}
			}
			return new Marks(done, mine);
		}
		catch (RuntimeException ex) {
			log.debug("Redis unreachable, idempotency rests on the database alone: {}", ex.toString());
			return Marks.NONE;
		}
	}

	/** Marks the events done, after the transaction that applied them committed. */
	void markDone(Collection<UUID> eventIds) {
		markDone(eventIds, List.of());
	}

	/**
	 * Marks the events done, after the transaction that applied them committed, and
	 * deletes keys that lost their use with it (the attempt count of a record that
	 * succeeded), in one round trip.
	 */
	void markDone(Collection<UUID> eventIds, Collection<String> spentKeys) {
		if (eventIds.isEmpty() && spentKeys.isEmpty()) {
			return;
		}
		try {
			this.redis.executePipelined((RedisCallback<@Nullable Object>) (connection) -> {
				for (UUID id : eventIds) {
					connection.stringCommands()
						.set(key(id), DONE, SetCondition.upsert(), Expiration.from(this.doneTtl));
				}
				if (!spentKeys.isEmpty()) {
					connection.keyCommands()
						.del(spentKeys.stream()
							.map((key) -> key.getBytes(StandardCharsets.UTF_8))
							.toArray(byte[][]::new));
				}
				return null;
			});
		}
		catch (RuntimeException ex) {
			log.debug("Redis unreachable, done marks not written (attempt counts expire on their own): {}",
					ex.toString());
		}
	}

	/**
	 * Drops in-flight marks of events whose transaction rolled back, so a retry is not
	 * slowed.
	 */
	void release(Collection<UUID> eventIds) {
		if (eventIds.isEmpty()) {
			return;
		}
		try {
			this.redis.delete(eventIds.stream().map(this::keyText).toList());
		}
		catch (RuntimeException ex) {
			log.debug("Redis unreachable, in-flight marks expire on their own: {}", ex.toString());
		}
	}

	/**
	 * Deletes every mark of this group; returns how many. Unlike the other operations,
	 * this one fails when Redis does: a done mark left behind would make the group skip
	 * an event it is meant to apply again.
	 */
	long forgetAll() {
		ScanOptions pattern = ScanOptions.scanOptions().match(PREFIX + this.group + ":*").count(SCAN_BATCH).build();
		long deleted = 0;
		List<String> batch = new ArrayList<>(SCAN_BATCH);
		try (Cursor<String> keys = this.redis.scan(pattern)) {
			while (keys.hasNext()) {
				batch.add(keys.next());
				if (batch.size() == SCAN_BATCH) {
					deleted += unlink(batch);
				}
			}
		}
		return deleted + unlink(batch);
	}

	private long unlink(List<String> keys) {
		if (keys.isEmpty()) {
			return 0;
		}
		Long deleted = this.redis.unlink(keys);
		keys.clear();
		return (deleted != null) ? deleted : 0;
	}

	private byte[] key(UUID eventId) {
		return keyText(eventId).getBytes(StandardCharsets.UTF_8);
	}

	private String keyText(UUID eventId) {
		return PREFIX + this.group + ":" + eventId;
	}

}
