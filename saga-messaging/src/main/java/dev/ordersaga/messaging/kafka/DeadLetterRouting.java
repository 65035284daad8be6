package dev.ordersaga.messaging.kafka;

import java.nio.charset.StandardCharsets;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.SagaProperties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.header.internals.RecordHeader;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * One error handler for every listener: a failing record is retried with exponential
 * backoff, then published with Spring Kafka's {@code kafka_dlt-*} headers to
 * {@code <topic>.dlq} on the same partition. Records that can never succeed skip the
 * retries. Spring Boot applies this handler to the listener container factory.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterRouting {

	@Bean
	DefaultErrorHandler sagaErrorHandler(KafkaOperations<Object, Object> kafka, SagaProperties properties) {
		SagaProperties.Retry retry = properties.retry();
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
		recoverer.setHeadersFunction((record, exception) -> {
			int attempts = isUnreadable(exception) ? 1 : retry.maxAttempts();
			return new RecordHeaders(new RecordHeader[] { new RecordHeader(EventHeaders.ATTEMPTS,
					Integer.toString(attempts).getBytes(StandardCharsets.UTF_8)) });
		});
		ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxAttempts() - 1);
		backOff.setInitialInterval(retry.initialInterval().toMillis());
		backOff.setMultiplier(retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(UnreadableEventException.class);
		return handler;
	}

	private static boolean isUnreadable(Exception exception) {
		for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnreadableEventException) {
				return true;
			}
		}
		return false;
	}

}
