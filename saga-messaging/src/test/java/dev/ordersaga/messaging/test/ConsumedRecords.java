package dev.ordersaga.messaging.test;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import org.springframework.kafka.listener.BatchInterceptor;

import static org.awaitility.Awaitility.await;

/**
 * Counts how many times the service's listeners finished each record: a test imports it
 * ({@code @Import(ConsumedRecords.class)}; Boot hands the one batch interceptor to the
 * listener containers) and can then tell that one record was consumed again, by a replay
 * say, where a counter of the whole service would also count any other record.
 */
public class ConsumedRecords implements BatchInterceptor<Object, Object> {

	private final Map<Coordinates, Integer> finished = new ConcurrentHashMap<>();

	@Override
	public ConsumerRecords<Object, Object> intercept(ConsumerRecords<Object, Object> records,
			Consumer<Object, Object> consumer) {
		return records;
	}

	/** The listener returned: its batch is applied, or skipped, or dead-lettered. */
	@Override
	public void success(ConsumerRecords<Object, Object> records, Consumer<Object, Object> consumer) {
		records.forEach((record) -> this.finished.merge(Coordinates.of(record), 1, Integer::sum));
	}

	/** How many times a listener finished the record so far. */
	public int times(ConsumerRecord<?, ?> record) {
		return this.finished.getOrDefault(Coordinates.of(record), 0);
	}

	/** Waits until a listener has finished the record this many times in all. */
	public void awaitTimes(ConsumerRecord<?, ?> record, int times, Duration patience) {
		await().atMost(patience).until(() -> times(record) >= times);
	}

	private record Coordinates(String topic, int partition, long offset) {

		static Coordinates of(ConsumerRecord<?, ?> record) {
			return new Coordinates(record.topic(), record.partition(), record.offset());
		}

	}

}
