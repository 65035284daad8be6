package dev.ordersaga.messaging.kafka;

import java.util.Map;

import dev.ordersaga.messaging.SagaProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Dead letters and the error handling of every listener (ADR 0005). The inbox decides
 * what a failure means and sends to {@link DeadLetters} what can never succeed or has
 * used up its attempts (counted in Redis). Whatever it hands to the container's error
 * handler (attempts left, a database or Redis outage) is retried with exponential
 * backoff, without end and without losing the partition: the handler classifies nothing
 * as fatal and its backoff never stops, so it never gives a record up. Spring Boot
 * applies this handler to the listener container factory.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterRouting {

	@Bean
	DeadLetters deadLetters(KafkaOperations<Object, Object> kafka, MeterRegistry meters,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		return new DeadLetters(kafka, meters, group);
	}

	/** A service that brings its own error handler takes ADR 0005's place. */
	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler sagaErrorHandler(SagaProperties properties) {
		SagaProperties.Retry retry = properties.retry();
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(backOff);
		// Spring Kafka would give up at once on a ClassCastException and the like; the
		// inbox has classified the failure already, and what reaches here is retried.
		handler.setClassifications(Map.of(), true);
		return handler;
	}

}
