package dev.ordersaga.messaging.kafka;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.SagaProperties;
import dev.ordersaga.messaging.inbox.RetriesExhaustedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * One error handler for every listener. The inbox decides what a failure means: a record
 * that can never succeed, or one out of attempts (counted in Redis), is published with
 * Spring Kafka's {@code kafka_dlt-*} headers and {@code saga-attempts} to
 * {@code <topic>.dlq} on the same partition; anything else (attempts left, a database or
 * Redis outage) is retried with exponential backoff, without end. Spring Boot applies
 * this handler to the listener container factory.
 */
@Configuration(proxyBeanMethods = false)
public class DeadLetterRouting {

	@Bean
	DefaultErrorHandler sagaErrorHandler(KafkaOperations<Object, Object> kafka, SagaProperties properties,
			MeterRegistry meters) {
		SagaProperties.Retry retry = properties.retry();
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
		recoverer.setHeadersFunction((record, exception) -> {
			Throwable cause = explanation(exception);
			meters.counter("saga.dead.letters", "topic", record.topic(), "exception", cause.getClass().getSimpleName())
				.increment();
			long attempts = (cause instanceof RetriesExhaustedException exhausted) ? exhausted.attempts() : 1;
			return new RecordHeaders(
					new RecordHeader[] { new RecordHeader(EventHeaders.ATTEMPTS, utf8(Long.toString(attempts))) });
		});
		recoverer.setExceptionHeadersCreator(DeadLetterRouting::describeCause);
		ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
		backOff.setMaxInterval(retry.maxInterval().toMillis());
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(UnreadableEventException.class, RetriesExhaustedException.class);
		return handler;
	}

	/**
	 * The listener's failure arrives wrapped (ListenerExecutionFailedException around
	 * BatchListenerFailedException); what explains it is inside.
	 */
	private static Throwable explanation(Throwable exception) {
		Throwable cause = exception;
		while ((cause instanceof ListenerExecutionFailedException || cause instanceof BatchListenerFailedException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	/**
	 * The exception headers describe the explanation, so operators can count dead letters
	 * by cause.
	 */
	private static void describeCause(Headers headers, Exception exception, boolean isKey,
			DeadLetterPublishingRecoverer.HeaderNames names) {
		Throwable cause = explanation(exception);
		DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
		headers.add(info.getExceptionFqcn(), utf8(cause.getClass().getName()));
		if (cause.getCause() != null) {
			headers.add(info.getExceptionCauseFqcn(), utf8(cause.getCause().getClass().getName()));
		}
		headers.add(info.getExceptionMessage(), utf8(String.valueOf(cause.getMessage())));
		StringWriter trace = new StringWriter();
		cause.printStackTrace(new PrintWriter(trace));
		headers.add(info.getExceptionStacktrace(), utf8(trace.toString()));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
