package dev.ordersaga.messaging.kafka;

import java.util.List;
import java.util.Map;

import dev.ordersaga.messaging.SagaProperties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThatRuntimeException;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The container's error handler only retries (ADR 0005): whatever the inbox hands it, it
 * seeks back to, and never gives a record up.
 */
class DeadLetterRoutingTests {

	private final SagaProperties properties = new Binder(
			new MapConfigurationPropertySource(Map.of("saga.retry.initial-interval", "1ms")))
		.bindOrCreate("saga", SagaProperties.class);

	private final DefaultErrorHandler handler = new DeadLetterRouting().sagaErrorHandler(this.properties);

	private final ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("order.created", 3, 42, "k",
			new byte[0]);

	@Test
	void retriesARecordWhoseFailureSpringKafkaWouldGiveUpOnAtOnce() {
		assertRetried(new IllegalStateException("attempt 1 of 4 failed", new ClassCastException("not a String")));
	}

	@Test
	void retriesARecordAfterAnyNumberOfFailures() {
		for (int i = 0; i < 20; i++) {
			assertRetried(new IllegalStateException("attempt " + i));
		}
	}

	private void assertRetried(Exception cause) {
		Consumer<?, ?> consumer = mock(Consumer.class);
		ConsumerRecords<String, byte[]> records = new ConsumerRecords<>(
				Map.of(new TopicPartition("order.created", 3), List.of(this.record)), Map.of());

		assertThatRuntimeException()
			.isThrownBy(() -> this.handler.handleBatch(new BatchListenerFailedException("failed", cause, this.record),
					records, consumer, mock(MessageListenerContainer.class), () -> {
					}))
			.withMessage("Record in retry and not yet recovered");

		verify(consumer).seek(new TopicPartition("order.created", 3), 42);
		verify(consumer, never()).commitSync(anyMap(), any());
	}

}
