package dev.ordersaga.messaging.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.ordersaga.messaging.faults.FaultInjection;
import dev.ordersaga.messaging.inbox.InboxFixtures.InMemoryProcessedEvents;
import dev.ordersaga.messaging.inbox.InboxFixtures.RecordingHandler;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import dev.ordersaga.messaging.tracing.EventTracing;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static dev.ordersaga.messaging.inbox.InboxFixtures.orderCreated;
import static dev.ordersaga.messaging.inbox.InboxFixtures.received;
import static dev.ordersaga.messaging.inbox.InboxFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatRuntimeException;

class InboxTransactionTests {

	private final InMemoryProcessedEvents processed = new InMemoryProcessedEvents();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final RecordingHandler handler = new RecordingHandler();

	@Test
	void preparesTheBatchWithTheFreshEventsOnlyThenHandlesThemInOrder() {
		ReceivedEvent old = received(record(orderCreated()));
		ReceivedEvent first = received(record(orderCreated()));
		ReceivedEvent second = received(record(orderCreated()));
		this.processed.processed.add(old.id());

		transaction(Map.of()).apply(List.of(first, old, second), this.handler);

		assertThat(this.handler.batches).containsExactly(List.of(first.payload(), second.payload()));
		assertThat(this.handler.handled).containsExactly(first.id(), second.id());
		assertThat(this.meters.counter("saga.inbox.duplicates").count()).isEqualTo(1);
	}

	@Test
	void handlesAnEventThatCameTwiceInOneBatchOnce() {
		ReceivedEvent event = received(record(orderCreated()));

		transaction(Map.of()).apply(List.of(event, event), this.handler);

		assertThat(this.handler.handled).containsExactly(event.id());
	}

	@Test
	void doesNotPrepareABatchOfDuplicates() {
		ReceivedEvent old = received(record(orderCreated()));
		this.processed.processed.add(old.id());

		transaction(Map.of()).apply(List.of(old), this.handler);

		assertThat(this.handler.batches).isEmpty();
		assertThat(this.handler.handled).isEmpty();
	}

	@Test
	void injectsFaultsBeforeTheHandlerRuns() {
		ReceivedEvent event = received(record(orderCreated()));
		InboxTransaction transaction = transaction(
				Map.of("saga.faults.enabled", "true", "saga.faults.failure-rate", "1.0"));

		assertThatRuntimeException().isThrownBy(() -> transaction.apply(List.of(event), this.handler))
			.withMessageContaining("injected fault");
		assertThat(this.handler.batches).extracting(List::size).containsExactly(1);
		assertThat(this.handler.handled).isEmpty();
	}

	private InboxTransaction transaction(Map<String, String> settings) {
		return new InboxTransaction(this.processed,
				new FaultInjection(InboxFixtures.properties(settings), Duration.ofSeconds(30)),
				new InboxMetrics(this.meters), EventTracing.none());
	}

}
