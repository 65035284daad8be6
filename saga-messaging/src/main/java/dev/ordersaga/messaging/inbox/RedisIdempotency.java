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
import org.springframework.data.redis.core.RedisCallback;
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
		if (eventIds.isEmpty()) {
			return;
		}
		try {
			this.redis.executePipelined((RedisCallback<@Nullable Object>) (connection) -> {
				for (UUID id : eventIds) {
					connection.stringCommands()
						.set(key(id), DONE, SetCondition.upsert(), Expiration.from(this.doneTtl));
				}
				return null;
			});
		}
		catch (RuntimeException ex) {
			log.debug("Redis unreachable, done marks not written: {}", ex.toString());
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

	private byte[] key(UUID eventId) {
		return keyText(eventId).getBytes(StandardCharsets.UTF_8);
	}

	private String keyText(UUID eventId) {
		return "saga:processed:" + this.group + ":" + eventId;
	}

}
