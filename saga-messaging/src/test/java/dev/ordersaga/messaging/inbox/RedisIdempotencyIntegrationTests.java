package dev.ordersaga.messaging.inbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import dev.ordersaga.messaging.test.SagaInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast check of idempotency against a real Redis: what the marks say before and after
 * a batch, for a batch of one event as for several, and that a Redis that cannot be
 * reached leaves every decision to the database instead of failing the batch.
 */
class RedisIdempotencyIntegrationTests {

	private static final Duration IN_FLIGHT = Duration.ofMinutes(1);

	private static final Duration DONE = Duration.ofHours(2);

	private static LettuceConnectionFactory redisConnections;

	private static LettuceConnectionFactory nowhere;

	private final StringRedisTemplate redis = new StringRedisTemplate(redisConnections);

	private final String group = "group-" + UUID.randomUUID();

	private final RedisIdempotency marks = new RedisIdempotency(this.redis, this.group, IN_FLIGHT, DONE);

	@BeforeAll
	static void connect() {
		redisConnections = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(SagaInfrastructure.endpoints().redisUrl()));
		redisConnections.afterPropertiesSet();
		redisConnections.start();
		// a port nobody listens on: what a service sees while Redis is down
		nowhere = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 1),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
		nowhere.afterPropertiesSet();
		nowhere.start();
	}

	@AfterAll
	static void disconnect() {
		redisConnections.destroy();
		nowhere.destroy();
	}

	@AfterEach
	void forgetTheMarks() {
		this.marks.forgetAll();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 3 })
	void newEventsAreMarkedInFlightForAShortWhile(int events) {
		List<UUID> ids = ids(events);

		RedisIdempotency.Marks found = this.marks.markInFlight(ids);

		assertThat(found.marked()).containsExactlyElementsOf(ids);
		assertThat(found.done()).isEmpty();
		assertThat(ids).allSatisfy((id) -> {
			assertThat(this.redis.opsForValue().get(key(id))).isEqualTo("in-flight");
			assertThat(this.redis.getExpire(key(id), TimeUnit.SECONDS)).isPositive()
				.isLessThanOrEqualTo(IN_FLIGHT.toSeconds());
		});
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 3 })
	void eventsInFlightElsewhereAreNeitherMarkedAgainNorDone(int events) {
		List<UUID> ids = ids(events);
		this.marks.markInFlight(ids);

		RedisIdempotency.Marks again = this.marks.markInFlight(ids);

		assertThat(again.marked()).isEmpty();
		assertThat(again.done()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 3 })
	void eventsMarkedDoneAreReportedDoneAndTheirSpentKeysAreDeleted(int events) {
		List<UUID> ids = ids(events);
		String attempts = "saga:test-attempts:" + this.group;
		this.redis.opsForValue().set(attempts, "2");
		this.marks.markInFlight(ids);

		this.marks.markDone(ids, List.of(attempts));

		assertThat(this.redis.hasKey(attempts)).isFalse();
		assertThat(ids).allSatisfy((id) -> {
			assertThat(this.redis.opsForValue().get(key(id))).isEqualTo("done");
			assertThat(this.redis.getExpire(key(id), TimeUnit.SECONDS)).isGreaterThan(IN_FLIGHT.toSeconds())
				.isLessThanOrEqualTo(DONE.toSeconds());
		});
		UUID fresh = UUID.randomUUID();
		List<UUID> next = new ArrayList<>(ids);
		next.add(fresh);
		RedisIdempotency.Marks found = this.marks.markInFlight(next);
		assertThat(found.done()).containsExactlyInAnyOrderElementsOf(ids);
		assertThat(found.marked()).containsExactly(fresh);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 3 })
	void releasedEventsCanBeMarkedAgainAtOnce(int events) {
		List<UUID> ids = ids(events);
		this.marks.markInFlight(ids);

		this.marks.release(ids);

		assertThat(this.marks.markInFlight(ids).marked()).containsExactlyElementsOf(ids);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 3 })
	void withRedisDownNothingIsMarkedAndNothingFails(int events) {
		RedisIdempotency unreachable = new RedisIdempotency(new StringRedisTemplate(nowhere), this.group, IN_FLIGHT,
				DONE);
		List<UUID> ids = ids(events);

		RedisIdempotency.Marks found = unreachable.markInFlight(ids);
		unreachable.markDone(ids, List.of("saga:test-attempts:" + this.group));
		unreachable.release(ids);

		assertThat(found.marked()).isEmpty();
		assertThat(found.done()).isEmpty();
	}

	private static List<UUID> ids(int count) {
		return Stream.generate(UUID::randomUUID).limit(count).toList();
	}

	private String key(UUID id) {
		return "saga:processed:" + this.group + ":" + id;
	}

}
