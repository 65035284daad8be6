package dev.ordersaga.messaging.inbox;

import java.time.Clock;

import dev.ordersaga.messaging.SagaProperties;
import dev.ordersaga.messaging.faults.FaultInjection;
import dev.ordersaga.messaging.kafka.DeadLetters;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.tracing.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The inbox of a consumer group, assembled from its parts: what services use is
 * {@link InboundEvents}, {@link InboxReset} and {@link ProcessedEventPurge}.
 */
@Configuration(proxyBeanMethods = false)
public class InboxConfiguration {

	@Bean
	ProcessedEvents processedEvents(JdbcTemplate jdbc) {
		return new ProcessedEvents(jdbc);
	}

	@Bean
	RedisIdempotency redisIdempotency(StringRedisTemplate redis, SagaProperties properties,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		SagaProperties.Idempotency idempotency = properties.idempotency();
		return new RedisIdempotency(redis, group, idempotency.inFlightTtl(), idempotency.doneTtl());
	}

	@Bean
	InboundEvents inboundEvents(EventCodec codec, ProcessedEvents processed, RedisIdempotency marks,
			PlatformTransactionManager transactionManager, StringRedisTemplate redis, FaultInjection faults,
			DeadLetters deadLetters, SagaProperties properties, MeterRegistry meters, EventTracing tracing,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		InboxMetrics metrics = new InboxMetrics(meters);
		AttemptCounter attempts = new AttemptCounter(redis, group);
		FailedRecords failures = new FailedRecords(
				new FailureClassification(attempts, properties.retry().maxAttempts()), attempts,
				new UnreadableRecords(redis, group, properties.idempotency().doneTtl()), deadLetters, metrics);
		return new InboundEvents(new RedriveFilter(group), codec, marks, new TransactionTemplate(transactionManager),
				new InboxTransaction(processed, faults, metrics, tracing), failures, metrics);
	}

	@Bean
	InboxReset inboxReset(ProcessedEvents processed, RedisIdempotency marks) {
		return new InboxReset(processed, marks);
	}

	@Bean
	ProcessedEventPurge processedEventPurge(JdbcTemplate jdbc, SagaProperties properties, Clock clock) {
		return new ProcessedEventPurge(jdbc, properties, clock);
	}

}
