package dev.ordersaga.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of one service (two application contexts, each with its own relay) write
 * to the outbox of one schema at the same time. Whether a committing thread or a relay
 * sends them, the events of each key reach the topic in the order they were committed,
 * each at least once; a copy (a relay that took a row the other instance had just sent on
 * commit) carries the same event id, which consumers skip. Each instance names itself in
 * {@code ce_source}, which shows that both published.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoRelaysIntegrationTests {

	private static final String SCHEMA = "two_relays";

	private static final int KEYS = 16;

	private static final int EVENTS_PER_KEY = 20;

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	void startTwoInstancesOnOneSchema() {
		SagaInfrastructure.Endpoints infra = SagaInfrastructure.endpoints();
		OutboxOnlyService.dropSchema(infra, SCHEMA);
		// one after the other: the second finds the schema migrated by the first
		this.instances.add(OutboxOnlyService.start(infra, SCHEMA, "relay-a"));
		this.instances.add(OutboxOnlyService.start(infra, SCHEMA, "relay-b"));
	}

	@AfterAll
	void stop() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void eachKeysEventsArePublishedOnceAndInCommitOrderWhileBothRelaysPublish() throws Exception {
		List<OrderId> keys = IntStream.range(0, KEYS).mapToObj((i) -> OrderId.random()).toList();

		// a writer per key, all at once; each key's events alternate between the two
		// instances, so that consecutive events of a key are woken up in different relays
		try (ExecutorService writers = Executors.newFixedThreadPool(8)) {
			List<Future<?>> written = new ArrayList<>();
			for (OrderId key : keys) {
				written.add(writers.submit(() -> {
					for (int sequence = 1; sequence <= EVENTS_PER_KEY; sequence++) {
						publishThrough(this.instances.get(sequence % 2), key, sequence);
					}
				}));
			}
			for (Future<?> future : written) {
				future.get(2, TimeUnit.MINUTES);
			}
		}
		JdbcTemplate jdbc = this.instances.get(0).getBean(JdbcTemplate.class);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.queryForObject("select count(*) from outbox_event", Integer.class) == 0);

		Set<String> ours = keys.stream().map(OrderId::toString).collect(Collectors.toSet());
		List<ConsumerRecord<String, byte[]>> published = new TopicProbe(
				SagaInfrastructure.endpoints().kafkaBootstrapServers())
			.records(Topics.ORDER_CREATED)
			.stream()
			.filter((record) -> ours.contains(record.key()))
			.toList();
		// the values only: the relays name themselves, not order-service, in ce_source
		JsonMapper json = JsonMapper.builder().build();
		Set<String> seen = new HashSet<>();
		Map<String, List<Integer>> sequencesByKey = published.stream()
			.filter((record) -> seen.add(TopicProbe.header(record, EventHeaders.ID)))
			.collect(Collectors.groupingBy(ConsumerRecord::key,
					Collectors.mapping(
							(record) -> json.readValue(record.value(), OrderCreated.class).items().get(0).quantity(),
							Collectors.toList())));
		List<Integer> inCommitOrder = IntStream.rangeClosed(1, EVENTS_PER_KEY).boxed().toList();
		assertThat(sequencesByKey).hasSize(KEYS);
		sequencesByKey.forEach(
				(key, sequences) -> assertThat(sequences).as("events of %s in topic order, each at its first copy", key)
					.containsExactlyElementsOf(inCommitOrder));
		published.stream()
			.collect(Collectors.groupingBy((record) -> TopicProbe.header(record, EventHeaders.ID)))
			.forEach((eventId, copies) -> assertThat(copies).as("the records of event %s", eventId)
				.allSatisfy((copy) -> assertThat(copy.value()).isEqualTo(copies.get(0).value())));
		assertThat(published.stream().map((record) -> TopicProbe.header(record, EventHeaders.SOURCE)))
			.as("the instances whose relays published")
			.contains("relay-a", "relay-b");
	}

	private static void publishThrough(ConfigurableApplicationContext instance, OrderId key, int sequence) {
		Outbox outbox = instance.getBean(Outbox.class);
		new TransactionTemplate(instance.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> outbox.publish(
					new OrderCreated(key, "two-relays", List.of(new OrderLine("SEQUENCE", sequence)), Instant.now())));
	}

}
