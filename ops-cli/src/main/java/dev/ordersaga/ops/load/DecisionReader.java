package dev.ordersaga.ops.load;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.ops.kafka.KafkaAccess;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the decision topics on a thread of its own, from where they ended when the run
 * began, without a consumer group, and hands every decision to the {@link Tracking}. A
 * decision is timed when the poll that brought it returns: when this client saw it.
 */
final class DecisionReader implements AutoCloseable {

	private final KafkaConsumer<byte[], byte[]> consumer;

	private final Tracking tracking;

	private final JsonMapper json = JsonMapper.builder().build();

	private final Thread thread;

	private volatile boolean running = true;

	private volatile @Nullable String failure;

	/** Positions the reader at the end of every decision topic's partitions. */
	DecisionReader(KafkaAccess access, Tracking tracking) {
		this.tracking = tracking;
		List<TopicPartition> partitions = access.partitionsOf(Outcome.Status.topicNames());
		this.consumer = access.consumer();
		this.consumer.assign(partitions);
		this.consumer.seekToEnd(partitions);
		// seekToEnd is lazy: look the ends up now, before the first order is placed
		partitions.forEach(this.consumer::position);
		this.thread = Thread.ofPlatform().daemon().name("sagactl-decisions").unstarted(this::readUntilClosed);
	}

	void start() {
		this.thread.start();
	}

	/** Why reading stopped early (the broker went away), or null. */
	@Nullable String failure() {
		return this.failure;
	}

	private void readUntilClosed() {
		try {
			while (this.running) {
				var records = this.consumer.poll(Duration.ofMillis(200));
				long seen = System.nanoTime();
				for (ConsumerRecord<byte[], byte[]> record : records) {
					if (record.key() != null) {
						this.tracking.decided(new String(record.key(), StandardCharsets.UTF_8), outcome(record), seen);
					}
				}
			}
		}
		catch (WakeupException ex) {
			// closing
		}
		catch (RuntimeException ex) {
			this.failure = "reading the decision topics failed: " + ex;
		}
		finally {
			this.consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
		}
	}

	private Outcome outcome(ConsumerRecord<byte[], byte[]> record) {
		Outcome.Status status = Outcome.Status.ofTopic(record.topic()).orElseThrow();
		return new Outcome(status, switch (status) {
			case CONFIRMED -> null;
			case REJECTED -> reason(record, OrderRejected.class);
			case CANCELLED -> reason(record, OrderCancelled.class);
		});
	}

	private String reason(ConsumerRecord<byte[], byte[]> record, Class<?> type) {
		try {
			Object event = this.json.readValue(record.value(), type);
			return switch (event) {
				case OrderRejected rejected -> rejected.reason().name();
				case OrderCancelled cancelled -> cancelled.reason().name();
				default -> "?";
			};
		}
		catch (JacksonException | IllegalArgumentException | NullPointerException ex) {
			return "(unreadable event)";
		}
	}

	@Override
	public void close() {
		if (this.thread.getState() == Thread.State.NEW) {
			this.consumer.close(CloseOptions.timeout(Duration.ofSeconds(2)));
			return;
		}
		this.running = false;
		this.consumer.wakeup();
		try {
			this.thread.join(Duration.ofSeconds(5));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
