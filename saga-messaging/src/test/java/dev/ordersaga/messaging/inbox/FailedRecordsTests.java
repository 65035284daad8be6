package dev.ordersaga.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.messaging.inbox.InboxFixtures.CollectedDeadLetters;
import dev.ordersaga.messaging.kafka.DeadLetters;
import dev.ordersaga.messaging.kafka.EventCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.mock.MockProducerFactory;

import static dev.ordersaga.messaging.inbox.InboxFixtures.GROUP;
import static dev.ordersaga.messaging.inbox.InboxFixtures.garbage;
import static dev.ordersaga.messaging.inbox.InboxFixtures.orderCreated;
import static dev.ordersaga.messaging.inbox.InboxFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FailedRecordsTests {

	private final CollectedDeadLetters deadLetters = new CollectedDeadLetters();

	private final RememberedUnreadable unreadable = new RememberedUnreadable();

	private final AttemptCounter attempts = new AttemptCounter(InboxFixtures.redisDown(), GROUP);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final FailedRecords failures = new FailedRecords(new FailureClassification(this.attempts, 2), this.attempts,
			this.unreadable, this.deadLetters, new InboxMetrics(this.meters));

	@Test
	void deadLettersAnUnreadableRecordOncePerGroup() {
		InboundRecord.Unreadable poison = (InboundRecord.Unreadable) InboundRecord.decode(new EventCodec(), garbage());

		this.failures.unreadable(poison);
		this.failures.unreadable(poison);

		assertThat(this.deadLetters.sent).singleElement()
			.satisfies((sent) -> assertThat(sent.failure()).isSameAs(poison.reason()));
	}

	@Test
	void handsARecordWithAttemptsLeftToTheErrorHandler() {
		ConsumerRecord<String, byte[]> record = record(orderCreated());

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.failures.failed(record, new IllegalStateException("boom")))
			.withMessageContaining("Record order.created-0@" + record.offset() + " failed")
			.satisfies((ex) -> assertThat(ex.getRecord()).isSameAs(record));
		assertThat(this.deadLetters.sent).isEmpty();
		assertThat(this.meters.counter("saga.inbox.failures", "outcome", "retry", "topic", "order.created").count())
			.isEqualTo(1);
	}

	@Test
	void forgetsTheAttemptsOfARecordItDeadLettered() {
		ConsumerRecord<String, byte[]> record = record(orderCreated());
		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.failures.failed(record, new IllegalStateException("boom")));

		this.failures.failed(record, new IllegalStateException("boom"));

		assertThat(this.deadLetters.sent).hasSize(1);
		// a replay of the record starts with its full allowance again
		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.failures.failed(record, new IllegalStateException("boom")))
			.withStackTraceContaining("attempt 1 of 2");
	}

	@Test
	void forgetsTheAttemptsOfARecordThatSucceeded() {
		ConsumerRecord<String, byte[]> record = record(orderCreated());
		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.failures.failed(record, new IllegalStateException("boom")));

		this.failures.succeeded(record);

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.failures.failed(record, new IllegalStateException("boom")))
			.withStackTraceContaining("attempt 1 of 2");
	}

	@Test
	void sendsARecordOutOfAttemptsToItsDeadLetterTopicWithWhatOperatorsRead() {
		MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
				new ByteArraySerializer());
		FailedRecords failures = new FailedRecords(new FailureClassification(this.attempts, 1), this.attempts,
				this.unreadable,
				new DeadLetters(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)), this.meters, GROUP),
				new InboxMetrics(this.meters));
		ConsumerRecord<String, byte[]> record = record(orderCreated());

		failures.failed(record,
				new IllegalStateException("could not reserve", new SQLException("no row for SKU-1", "02000")));

		assertThat(producer.history()).singleElement().satisfies((letter) -> {
			assertThat(letter.topic()).isEqualTo("order.created.dlq");
			assertThat(letter.partition()).isEqualTo(record.partition());
			assertThat(letter.key()).isEqualTo(record.key());
			assertThat(letter.value()).isEqualTo(record.value());
			assertThat(header(letter, "kafka_dlt-exception-fqcn")).isEqualTo(RetriesExhaustedException.class.getName());
			assertThat(header(letter, "kafka_dlt-exception-cause-fqcn")).isEqualTo(SQLException.class.getName());
			assertThat(header(letter, "kafka_dlt-exception-message"))
				.isEqualTo("failed 1 times, last with java.sql.SQLException: no row for SKU-1");
			assertThat(header(letter, "kafka_dlt-exception-stacktrace")).contains("Caused by: java.sql.SQLException");
			assertThat(header(letter, "kafka_dlt-original-consumer-group")).isEqualTo(GROUP);
			assertThat(header(letter, EventHeaders.ATTEMPTS)).isEqualTo("1");
		});
	}

	private static String header(ProducerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		assertThat(header).as(name).isNotNull();
		return new String(header.value(), StandardCharsets.UTF_8);
	}

	/** Remembers dead-lettered unreadable records in memory, as Redis would. */
	private static final class RememberedUnreadable extends UnreadableRecords {

		private final Set<Long> offsets = new HashSet<>();

		RememberedUnreadable() {
			super(InboxFixtures.redisDown(), GROUP, Duration.ofDays(7));
		}

		@Override
		boolean deadLetteredBefore(ConsumerRecord<?, ?> record) {
			return this.offsets.contains(record.offset());
		}

		@Override
		void deadLettered(ConsumerRecord<?, ?> record) {
			this.offsets.add(record.offset());
		}

	}

}
