package dev.ordersaga.ops.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import dev.ordersaga.ops.CommandFailed;
import dev.ordersaga.ops.kafka.KafkaAccess;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;

/**
 * The broker alone, measured the way Apache Kafka's {@code kafka-producer-perf-test}
 * does: one producer sends fixed-size records of random bytes without keys as fast as the
 * broker acknowledges them ({@code acks=all}, idempotent, {@code linger.ms=5}), to a
 * scratch topic with as many partitions as the saga's, which is deleted afterwards.
 */
final class Yardstick {

	/** What the broker took. */
	record Result(int records, int recordBytes, Duration took) {

		double recordsPerSecond() {
			return this.records / seconds();
		}

		double megabytesPerSecond() {
			return this.records * (double) this.recordBytes / (1024 * 1024) / seconds();
		}

		private double seconds() {
			return Math.max(this.took.toNanos(), 1) / 1e9;
		}

	}

	/**
	 * The records one confirmed saga writes: order.created, inventory.updated (RESERVED),
	 * payment.completed, order.confirmed, inventory.updated (COMMITTED).
	 */
	static final int RECORDS_PER_SAGA = 5;

	static final int RECORD_BYTES = 300;

	static final int PARTITIONS = 6;

	/** How long a record may wait for its acknowledgement. */
	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private Yardstick() {
	}

	@SuppressWarnings("FutureReturnValueIgnored") // the send callback records the first
													// failure
	static Result run(KafkaAccess access, int records) {
		String topic = "sagactl.yardstick." + UUID.randomUUID().toString().substring(0, 8);
		access.await(access.admin()
			.createTopics(List.of(new NewTopic(topic, Optional.of(PARTITIONS), Optional.empty())))
			.all(), "create " + topic);
		try (KafkaProducer<byte[], byte[]> producer = access.producer(Map.of(ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 5,
				ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000, ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
				ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis()))) {
			byte[] payload = new byte[RECORD_BYTES];
			new Random(42).nextBytes(payload);
			AtomicReference<@Nullable Exception> failure = new AtomicReference<>();
			// one acknowledged record in every partition first: the new partitions'
			// leaders
			// are ready and the producer knows them before the measure starts (a flood
			// into
			// partitions still being set up on a busy broker ended in out-of-order
			// sequences)
			for (int partition = 0; partition < PARTITIONS; partition++) {
				producer.send(new ProducerRecord<>(topic, partition, null, payload))
					.get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
			}
			long start = System.nanoTime();
			for (int i = 0; i < records && failure.get() == null; i++) {
				producer.send(new ProducerRecord<>(topic, payload), (metadata, ex) -> {
					if (ex != null) {
						failure.compareAndSet(null, ex);
					}
				});
			}
			producer.flush();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			if (failure.get() != null) {
				throw new CommandFailed("the yardstick's producer failed: " + failure.get());
			}
			return new Result(records, RECORD_BYTES, took);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new CommandFailed("interrupted");
		}
		catch (ExecutionException ex) {
			throw new CommandFailed("the yardstick's producer failed: " + ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new CommandFailed(
					"the yardstick's first records were not acknowledged within " + PATIENCE.toSeconds() + " s");
		}
		finally {
			access.await(access.admin().deleteTopics(List.of(topic)).all(), "delete " + topic);
		}
	}

}
