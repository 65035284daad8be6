package dev.ordersaga.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.EventType;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.SagaProperties;
import dev.ordersaga.messaging.kafka.DeadLetters;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Stand-ins for the inbox's unit tests: records, a transaction manager that counts, a
 * database record of processed events that rolls back with its transaction, and dead
 * letters that are only collected. Redis is a template without a connection, which the
 * inbox treats as Redis being down: idempotency rests on the database and attempts are
 * counted in memory.
 */
final class InboxFixtures {

	static final String GROUP = "inventory-service";

	private static final EventCodec CODEC = new EventCodec();

	private static final AtomicLong offsets = new AtomicLong();

	private InboxFixtures() {
	}

	static SagaProperties properties(Map<String, String> settings) {
		return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("saga", SagaProperties.class);
	}

	/** A Redis template with no connection: every command fails, as in an outage. */
	static StringRedisTemplate redisDown() {
		return new StringRedisTemplate();
	}

	static OrderCreated orderCreated() {
		return new OrderCreated(OrderId.random(), "c-1", List.of(new OrderLine("SKU-1", 1)),
				Instant.parse("2026-12-01T10:00:00Z"));
	}

	/** A valid record of the event, with a new event id, at the next offset. */
	static ConsumerRecord<String, byte[]> record(SagaEvent event) {
		return record(event, UUID.randomUUID());
	}

	static ConsumerRecord<String, byte[]> record(SagaEvent event, UUID eventId) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.ORDER_CREATED, 0, offsets.incrementAndGet(),
				event.orderId().toString(), CODEC.write(event));
		header(record, EventHeaders.ID, eventId.toString());
		header(record, EventHeaders.TYPE, event.type());
		header(record, EventHeaders.SOURCE, EventType.fromType(event.type()).orElseThrow().producer());
		header(record, EventHeaders.TIME, "2026-12-01T10:00:00Z");
		return record;
	}

	/** A record whose value is not an event. */
	static ConsumerRecord<String, byte[]> garbage() {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(Topics.ORDER_CREATED, 0, offsets.incrementAndGet(),
				"k", new byte[] { 0, 1, 2 });
		header(record, EventHeaders.ID, UUID.randomUUID().toString());
		header(record, EventHeaders.TYPE, "order.created");
		header(record, EventHeaders.TIME, "2026-12-01T10:00:00Z");
		return record;
	}

	static ReceivedEvent received(ConsumerRecord<String, byte[]> record) {
		return CODEC.read(record);
	}

	static void header(ConsumerRecord<?, ?> record, String name, String value) {
		record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
	}

	/** Counts transactions begun, committed and rolled back. */
	static final class CountingTransactions extends AbstractPlatformTransactionManager {

		int begun;

		int committed;

		int rolledBack;

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			this.begun++;
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			this.committed++;
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			this.rolledBack++;
		}

	}

	/**
	 * The database's record of processed events, in memory: marks made in a transaction
	 * that rolls back are forgotten, as the table's rows would be.
	 */
	static final class InMemoryProcessedEvents extends ProcessedEvents {

		final Set<UUID> processed = new HashSet<>();

		InMemoryProcessedEvents() {
			super(new JdbcTemplate());
		}

		@Override
		Set<UUID> markProcessed(List<ReceivedEvent> events) {
			Set<UUID> marked = new HashSet<>();
			for (ReceivedEvent event : events) {
				if (this.processed.add(event.id())) {
					marked.add(event.id());
				}
			}
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCompletion(int status) {
						if (status != STATUS_COMMITTED) {
							InMemoryProcessedEvents.this.processed.removeAll(marked);
						}
					}
				});
			}
			return new HashSet<>(marked);
		}

	}

	/** Dead letters collected instead of sent. */
	static final class CollectedDeadLetters extends DeadLetters {

		record Sent(ConsumerRecord<?, ?> record, Exception failure) {
		}

		final List<Sent> sent = new ArrayList<>();

		CollectedDeadLetters() {
			super(new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of())), new SimpleMeterRegistry(), GROUP);
		}

		@Override
		public void send(ConsumerRecord<?, ?> record, Exception failure) {
			this.sent.add(new Sent(record, failure));
		}

	}

	/**
	 * A handler that records what it was given and fails on the events it is told to.
	 */
	static final class RecordingHandler implements EventHandler {

		final List<List<SagaEvent>> batches = new ArrayList<>();

		final List<UUID> handled = new ArrayList<>();

		final Set<UUID> failOn = new HashSet<>();

		/** The orders whose events this handler does not react to. */
		final Set<OrderId> passBy = new HashSet<>();

		RuntimeException failure = new IllegalStateException("handler failed");

		@Override
		public void beforeBatch(List<SagaEvent> events) {
			this.batches.add(events);
		}

		@Override
		public boolean reactsTo(SagaEvent event) {
			return !this.passBy.contains(event.orderId());
		}

		@Override
		public void handle(ReceivedEvent event) {
			if (this.failOn.contains(event.id())) {
				throw this.failure;
			}
			this.handled.add(event.id());
		}

	}

}
