package dev.ordersaga.messaging.kafka;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.inbox.RetriesExhaustedException;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;

import org.springframework.kafka.core.KafkaOperations;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ErrorHandlingUtils;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Publishes a record that cannot be processed to {@code <topic>.dlq}, on the same
 * partition, with its original bytes, Spring Kafka's {@code kafka_dlt-*} headers (the
 * exception headers describe the failure and its root cause, not the listener's wrapper)
 * and {@code saga-attempts}. Only the inbox sends here (ADR 0005). The send is
 * synchronous: when it fails, the caller fails and the record is tried again, so no
 * record is dropped on the way to its dead-letter topic.
 */
public class DeadLetters {

	private final DeadLetterPublishingRecoverer recoverer;

	private final String group;

	public DeadLetters(KafkaOperations<?, ?> kafka, MeterRegistry meters, String group) {
		this.group = group;
		this.recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
		this.recoverer.setHeadersFunction((record, exception) -> {
			Exception cause = explanation(exception);
			meters.counter("saga.dead.letters", "topic", record.topic(), "exception", cause.getClass().getSimpleName())
				.increment();
			long attempts = (cause instanceof RetriesExhaustedException exhausted) ? exhausted.attempts() : 1;
			return new RecordHeaders(
					new RecordHeader[] { new RecordHeader(EventHeaders.ATTEMPTS, utf8(Long.toString(attempts))) });
		});
		this.recoverer.setExceptionHeadersCreator(DeadLetters::describeCause);
	}

	/** Dead-letters the record because of the given failure. */
	public void send(ConsumerRecord<?, ?> record, Exception failure) {
		// the recoverer reads the original consumer group from the listener's wrapper
		String message = Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getName());
		this.recoverer.accept(record, null, new ListenerExecutionFailedException(message, this.group, failure));
	}

	/** The failure inside the listener's wrapper. */
	private static Exception explanation(Exception exception) {
		return Objects.requireNonNull(ErrorHandlingUtils.unwrapIfNeeded(exception));
	}

	private static void describeCause(Headers headers, Exception exception, boolean isKey,
			DeadLetterPublishingRecoverer.HeaderNames names) {
		Exception failure = explanation(exception);
		DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
		headers.add(info.getExceptionFqcn(), utf8(failure.getClass().getName()));
		Throwable rootCause = NestedExceptionUtils.getRootCause(failure);
		if (rootCause != null) {
			headers.add(info.getExceptionCauseFqcn(), utf8(rootCause.getClass().getName()));
		}
		headers.add(info.getExceptionMessage(), utf8(String.valueOf(failure.getMessage())));
		StringWriter trace = new StringWriter();
		failure.printStackTrace(new PrintWriter(trace));
		headers.add(info.getExceptionStacktrace(), utf8(trace.toString()));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
