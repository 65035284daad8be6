package dev.ordersaga.messaging.kafka;

import dev.ordersaga.messaging.SagaProperties;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handling of every listener. The inbox decides what a failure means and
 * dead-letters what can never succeed or has used up its attempts (counted in Redis)
 * itself; whatever it hands to the container's error handler (attempts left, a database
 * or Redis outage) is retried with exponential backoff, without end and without losing
 * the partition. Spring Boot applies this handler to the listener container factory.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterRouting {

	@Bean
	DeadLetters deadLetters(KafkaOperations<Object, Object> kafka, MeterRegistry meters,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		return new DeadLetters(kafka, meters, group);
	}

	@Bean
	DefaultErrorHandler sagaErrorHandler(DeadLetters deadLetters, SagaProperties properties) {
		SagaProperties.Retry retry = properties.retry();
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters::recover, backOff);
		handler.addNotRetryableExceptions(UnreadableEventException.class);
		return handler;
	}

}
