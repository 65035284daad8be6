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
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

/**
 * Publishes a record that cannot be processed to {@code <topic>.dlq}, on the same
 * partition, with its original bytes, Spring Kafka's {@code kafka_dlt-*} headers (the
 * exception headers describe the failure's real cause, not the listener's wrappers) and
 * {@code saga-attempts}. The send is synchronous: when it fails, the caller fails and the
 * record is tried again, so no record is dropped on the way to its dead-letter topic.
 */
public class DeadLetters {

	private final DeadLetterPublishingRecoverer recoverer;

	private final String group;

	public DeadLetters(KafkaOperations<?, ?> kafka, MeterRegistry meters, String group) {
		this.group = group;
		this.recoverer = new DeadLetterPublishingRecoverer(kafka,
				(record, exception) -> new TopicPartition(Topics.deadLetterOf(record.topic()), record.partition()));
		this.recoverer.setHeadersFunction((record, exception) -> {
			Throwable cause = explanation(exception);
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
		String message = Objects.requireNonNullElse(failure.getMessage(), failure.getClass().getName());
		recover(record, new ListenerExecutionFailedException(message, this.group, failure));
	}

	/** As the error handler's recoverer: the failure arrives wrapped by the container. */
	void recover(ConsumerRecord<?, ?> record, Exception failure) {
		this.recoverer.accept(record, null, failure);
	}

	private static Throwable explanation(Throwable exception) {
		Throwable cause = exception;
		while ((cause instanceof ListenerExecutionFailedException || cause instanceof BatchListenerFailedException)
				&& cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

	private static void describeCause(Headers headers, Exception exception, boolean isKey,
			DeadLetterPublishingRecoverer.HeaderNames names) {
		Throwable cause = explanation(exception);
		DeadLetterPublishingRecoverer.HeaderNames.ExceptionInfo info = names.getExceptionInfo();
		headers.add(info.getExceptionFqcn(), utf8(cause.getClass().getName()));
		if (cause instanceof RetriesExhaustedException exhausted) {
			headers.add(info.getExceptionCauseFqcn(), utf8(exhausted.lastFailure()));
		}
		else if (cause.getCause() != null) {
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
