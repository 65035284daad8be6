package dev.ordersaga.messaging.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.SagaProperties;
import dev.ordersaga.messaging.faults.FaultInjection;
import dev.ordersaga.messaging.inbox.InboxFixtures.CollectedDeadLetters;
import dev.ordersaga.messaging.inbox.InboxFixtures.CountingTransactions;
import dev.ordersaga.messaging.inbox.InboxFixtures.InMemoryProcessedEvents;
import dev.ordersaga.messaging.inbox.InboxFixtures.RecordingHandler;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.UnreadableEventException;
import dev.ordersaga.messaging.tracing.EventTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.CannotCreateTransactionException;

import static dev.ordersaga.messaging.inbox.InboxFixtures.GROUP;
import static dev.ordersaga.messaging.inbox.InboxFixtures.garbage;
import static dev.ordersaga.messaging.inbox.InboxFixtures.header;
import static dev.ordersaga.messaging.inbox.InboxFixtures.orderCreated;
import static dev.ordersaga.messaging.inbox.InboxFixtures.received;
import static dev.ordersaga.messaging.inbox.InboxFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The inbox's flow (ADR 0002, 0005, 0007) as assembled by {@link InboxConfiguration},
 * with the database and dead-letter topic stood in for and Redis down.
 */
class InboundEventsTests {

	private final CountingTransactions transactions = new CountingTransactions();

	private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();

	private final CollectedDeadLetters deadLetters = new CollectedDeadLetters();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RecordingHandler handler = new RecordingHandler();

	private final InboundEvents inbox = inbox(Map.of("saga.retry.max-attempts", "2"));

	@Test
	void appliesABatchInOneTransactionPreparedOnce() {
		List<ConsumerRecord<String, byte[]>> batch = List.of(record(orderCreated()), record(orderCreated()),
				record(orderCreated()));

		this.inbox.process(batch, this.handler);

		assertThat(this.transactions.begun).isEqualTo(1);
		assertThat(this.transactions.committed).isEqualTo(1);
		assertThat(this.handler.batches).hasSize(1);
		assertThat(this.handler.batches.get(0)).hasSize(3);
		assertThat(this.handler.handled).containsExactlyElementsOf(ids(batch));
		assertThat(this.meters.summary("saga.inbox.batch.size").totalAmount()).isEqualTo(3);
	}

	@Test
	void skipsAnEventAppliedBeforeWithoutHandlingItAgain() {
		OrderCreated event = orderCreated();
		UUID eventId = UUID.randomUUID();
		this.inbox.process(List.of(record(event, eventId)), this.handler);

		this.inbox.process(List.of(record(event, eventId), record(orderCreated())), this.handler);

		assertThat(this.handler.handled).filteredOn(eventId::equals).hasSize(1);
		assertThat(this.handler.batches.get(1)).hasSize(1);
		assertThat(this.meters.counter("saga.inbox.duplicates").count()).isEqualTo(1);
	}

	@Test
	void appliesAFailedBatchAgainRecordByRecordAndHandsTheFailingOneToTheErrorHandler() {
		ConsumerRecord<String, byte[]> first = record(orderCreated());
		ConsumerRecord<String, byte[]> failing = record(orderCreated());
		ConsumerRecord<String, byte[]> third = record(orderCreated());
		this.handler.failOn.add(received(failing).id());

		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.inbox.process(List.of(first, failing, third), this.handler))
			.satisfies((ex) -> assertThat(ex.getRecord()).isSameAs(failing))
			.withCauseInstanceOf(RetryableFailureException.class);

		assertThat(this.processed.processed).containsExactly(received(first).id());
		// the batch, then the first record alone, then the failing one alone
		assertThat(this.transactions.begun).isEqualTo(3);
		assertThat(this.transactions.committed).isEqualTo(1);
		assertThat(this.handler.batches).extracting(List::size).containsExactly(3, 1, 1);
		assertThat(failures("retry")).isEqualTo(1);
		assertThat(this.deadLetters.sent).isEmpty();
	}

	@Test
	void deadLettersARecordOnItsLastAttemptAndGoesOnWithTheNext() {
		ConsumerRecord<String, byte[]> failing = record(orderCreated());
		ConsumerRecord<String, byte[]> next = record(orderCreated());
		this.handler.failOn.add(received(failing).id());
		assertThatExceptionOfType(BatchListenerFailedException.class)
			.isThrownBy(() -> this.inbox.process(List.of(failing, next), this.handler));

		this.inbox.process(List.of(failing, next), this.handler);

		assertThat(this.deadLetters.sent).singleElement().satisfies((sent) -> {
			assertThat(sent.record()).isSameAs(failing);
			assertThat(sent.failure()).isInstanceOf(RetriesExhaustedException.class)
				.hasRootCauseInstanceOf(IllegalStateException.class);
			assertThat(((RetriesExhaustedException) sent.failure()).attempts()).isEqualTo(2);
		});
		assertThat(this.processed.processed).containsExactly(received(next).id());
		assertThat(failures("exhausted")).isEqualTo(1);
	}

	@Test
	void deadLettersAnUnreadableRecordAtOnceAndAppliesTheOthersOneByOne() {
		ConsumerRecord<String, byte[]> poison = garbage();
		ConsumerRecord<String, byte[]> valid = record(orderCreated());

		this.inbox.process(List.of(poison, valid), this.handler);

		assertThat(this.deadLetters.sent).singleElement().satisfies((sent) -> {
			assertThat(sent.record()).isSameAs(poison);
			assertThat(sent.failure()).isInstanceOf(UnreadableEventException.class);
		});
		assertThat(this.handler.handled).containsExactly(received(valid).id());
		assertThat(this.transactions.begun).isEqualTo(1);
	}

	@Test
	void passesByTheEventsItsHandlerDoesNotReactToWithoutRecordingThem() {
		OrderCreated ignored = orderCreated();
		this.handler.passBy.add(ignored.orderId());
		ConsumerRecord<String, byte[]> first = record(ignored);
		ConsumerRecord<String, byte[]> applied = record(orderCreated());
		ConsumerRecord<String, byte[]> last = record(ignored);

		this.inbox.process(List.of(first, applied, last), this.handler);

		assertThat(this.handler.handled).containsExactly(received(applied).id());
		assertThat(this.handler.batches).singleElement()
			.satisfies((events) -> assertThat(events).extracting(SagaEvent::orderId).doesNotContain(ignored.orderId()));
		assertThat(this.processed.processed).containsExactly(received(applied).id());
		assertThat(this.transactions.begun).isEqualTo(1);
	}

	@Test
	void beginsNoTransactionForABatchItsHandlerDoesNotReactTo() {
		OrderCreated ignored = orderCreated();
		this.handler.passBy.add(ignored.orderId());

		this.inbox.process(List.of(record(ignored), record(ignored)), this.handler);

		assertThat(this.handler.handled).isEmpty();
		assertThat(this.handler.batches).isEmpty();
		assertThat(this.processed.processed).isEmpty();
		assertThat(this.transactions.begun).isZero();
	}

	@Test
	void leavesOutARecordRedrivenForAnotherGroup() {
		ConsumerRecord<String, byte[]> redriven = record(orderCreated());
		header(redriven, EventHeaders.REDRIVE_OF, "order.created.dlq-0@7");
		header(redriven, EventHeaders.REDRIVE_FOR, "payment-service");

		this.inbox.process(List.of(redriven), this.handler);

		assertThat(this.handler.handled).isEmpty();
		assertThat(this.transactions.begun).isZero();
	}

	@Test
	void retriesADependencyOutageWithoutUsingUpAttempts() {
		ConsumerRecord<String, byte[]> waiting = record(orderCreated());
		this.handler.failOn.add(received(waiting).id());
		this.handler.failure = new CannotCreateTransactionException("PostgreSQL is down");

		for (int i = 0; i < 5; i++) {
			assertThatExceptionOfType(BatchListenerFailedException.class)
				.isThrownBy(() -> this.inbox.process(List.of(waiting), this.handler))
				.withCauseInstanceOf(DependencyOutageException.class);
		}

		assertThat(this.deadLetters.sent).isEmpty();
		assertThat(failures("outage")).isEqualTo(5);
	}

	@Test
	void deadLettersAtOnceAnEventItsHandlerFindsBreaksTheContract() {
		ConsumerRecord<String, byte[]> breaking = record(orderCreated());
		this.handler.failOn.add(received(breaking).id());
		this.handler.failure = new UnreadableEventException("line 2 has no price");

		this.inbox.process(List.of(breaking), this.handler);

		assertThat(this.deadLetters.sent).singleElement()
			.satisfies((sent) -> assertThat(sent.failure()).isSameAs(this.handler.failure));
		assertThat(failures("not-retryable")).isEqualTo(1);
	}

	private double failures(String outcome) {
		return this.meters.counter("saga.inbox.failures", "outcome", outcome, "topic", "order.created").count();
	}

	private static List<UUID> ids(List<ConsumerRecord<String, byte[]>> records) {
		return records.stream().map((record) -> received(record).id()).toList();
	}

	private InboundEvents inbox(Map<String, String> settings) {
		SagaProperties properties = InboxFixtures.properties(settings);
		StringRedisTemplate redis = InboxFixtures.redisDown();
		InboxConfiguration configuration = new InboxConfiguration();
		return configuration.inboundEvents(new EventCodec(), this.processed,
				configuration.redisIdempotency(redis, properties, GROUP), this.transactions, redis,
				new FaultInjection(properties, Duration.ofSeconds(30)), this.deadLetters, properties, this.meters,
				EventTracing.none(), GROUP);
	}

}
