package dev.ordersaga.e2e;

import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.ordersaga.client.ServiceCallFailed;
import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.outbox.OutboxRelay;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The outbox under a real crash: order-service is killed ({@code kill -9}) in the middle
 * of a burst of orders, while the orders it committed still wait in its outbox,
 * unpublished: the test holds the relay's advisory lock meanwhile, as a second instance
 * publishing would. After the restart every order placed goes through the saga exactly
 * once.
 */
@ExtendWith(ThreadDumpsOnFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxCrashEndToEndIntegrationTests {

	private static final Duration PATIENCE = Duration.ofMinutes(3);

	private static final int BURST = 100;

	private final String run = UUID.randomUUID().toString().substring(0, 6);

	private final String customer = "crash-" + this.run;

	private final String sku = "CRASH-" + this.run;

	private RunningSaga saga;

	private TopicProbe topics;

	@BeforeAll
	void startTheSaga() {
		this.saga = RunningSaga.get();
		this.topics = new TopicProbe(this.saga.infra.kafkaBootstrapServers());
	}

	@Test
	void ordersCommittedButUnpublishedWhenOrderServiceIsKilledArePublishedOnceAfterTheRestartAndDecidedOnce()
			throws Exception {
		int stock = BURST * 2;
		this.saga.product(this.sku, "1.00", "EUR", stock);
		this.saga.account(this.customer, "100000.00", "EUR");

		Set<String> answered;
		List<Map<String, Object>> leftInOutbox;
		try (Connection relayLock = this.saga.connect(); Statement sql = relayLock.createStatement()) {
			sql.execute("select pg_advisory_lock(" + OutboxRelay.lockKey("orders") + ")");
			answered = placeABurstAndKillOrderServiceHalfway(BURST);
			leftInOutbox = unpublishedRows();
		}
		this.saga.restart(this.saga.orders);
		assertThat(answered).isNotEmpty();
		assertThat(leftInOutbox.stream()
			.filter((row) -> row.get("topic").equals(Topics.ORDER_CREATED))
			.map((row) -> row.get("message_key")))
			.as("order.created of every answered order, still in the outbox when order-service was killed")
			.containsAll(answered);

		Map<UUID, String> placed = await().atMost(PATIENCE)
			.pollInterval(Duration.ofSeconds(1))
			.until(this::ordersOfTheCustomer,
					(orders) -> !orders.isEmpty() && orders.values()
						.stream()
						.allMatch((status) -> status.startsWith("CONFIRMED") || status.startsWith("REJECTED")));
		Set<String> orderIds = placed.keySet().stream().map(UUID::toString).collect(Collectors.toSet());
		assertThat(orderIds).as("every order answered with 201 was committed").containsAll(answered);
		// plenty of stock and money: an order is confirmed, unless a restart slower than
		// the deadline timed it out
		assertThat(placed.values())
			.allMatch((status) -> status.equals("CONFIRMED") || status.equals("REJECTED/TIMEOUT"));
		Set<String> confirmed = placed.entrySet()
			.stream()
			.filter((order) -> order.getValue().equals("CONFIRMED"))
			.map((order) -> order.getKey().toString())
			.collect(Collectors.toSet());
		assertThat(confirmed).isNotEmpty();

		this.saga.awaitCaughtUp("inventory-service", PATIENCE);
		this.saga.awaitCaughtUp("payment-service", PATIENCE);
		// once each, counted by event id (a relay that crashes between the send and the
		// delete may send an event twice; consumers skip the copy by its id)
		Map<String, Integer> created = eventsPerOrder(Topics.ORDER_CREATED, orderIds, null);
		Map<String, Integer> reserved = eventsPerOrder(Topics.INVENTORY_UPDATED, orderIds, "RESERVED");
		Map<String, Integer> charged = eventsPerOrder(Topics.PAYMENT_COMPLETED, orderIds, "CHARGED");
		Map<String, Integer> confirmations = eventsPerOrder(Topics.ORDER_CONFIRMED, orderIds, null);
		Map<String, Integer> rejections = eventsPerOrder(Topics.ORDER_REJECTED, orderIds, null);
		assertThat(orderIds).allSatisfy((orderId) -> {
			assertThat(created.getOrDefault(orderId, 0)).as("order.created of %s", orderId).isEqualTo(1);
			assertThat(confirmations.getOrDefault(orderId, 0) + rejections.getOrDefault(orderId, 0))
				.as("decisions published for %s", orderId)
				.isEqualTo(1);
			int expected = confirmed.contains(orderId) ? 1 : 0;
			assertThat(reserved.getOrDefault(orderId, 0)).as("reservations of %s", orderId).isBetween(expected, 1);
			assertThat(charged.getOrDefault(orderId, 0)).as("charges of %s", orderId).isBetween(expected, 1);
		});
		assertThat(this.saga.query("select o.id from orders.orders o join orders.order_status_change c"
				+ " on c.order_id = o.id and c.status in ('CONFIRMED', 'REJECTED') where o.customer_id = ?"
				+ " group by o.id having count(*) <> 1", this.customer))
			.as("orders decided more than once")
			.isEmpty();
		// what stayed taken: one unit and one euro per confirmed order, no more
		await().atMost(PATIENCE).untilAsserted(() -> {
			HttpJson.Response product = this.saga.inventory.http().get("/products/" + this.sku);
			assertThat(product.body().get("onHand").asInt()).isEqualTo(stock - confirmed.size());
			assertThat(product.body().get("reserved").asInt()).isZero();
			assertThat(this.saga.payment.http().get("/accounts/" + this.customer).body().get("balance").decimalValue())
				.isEqualByComparingTo(String.valueOf(100000 - confirmed.size()));
		});

		// what the crash left behind was published with the time it was recorded, not the
		// time of the restart: ce_time and the record's timestamp are the row's
		// created_at
		Map<String, ConsumerRecord<String, byte[]>> published = new HashMap<>();
		leftInOutbox.stream()
			.map((row) -> (String) row.get("topic"))
			.distinct()
			.forEach((topic) -> this.topics.records(topic)
				.forEach((record) -> published.putIfAbsent(TopicProbe.header(record, EventHeaders.ID), record)));
		assertThat(leftInOutbox).allSatisfy((row) -> {
			Instant recordedAt = ((Timestamp) row.get("created_at")).toInstant();
			ConsumerRecord<String, byte[]> record = published.get(row.get("event_id").toString());
			assertThat(record).as("event %s of the outbox", row.get("event_id")).isNotNull();
			assertThat(Instant.parse(TopicProbe.header(record, EventHeaders.TIME))).isEqualTo(recordedAt);
			assertThat(record.timestamp()).isEqualTo(recordedAt.toEpochMilli());
		});
	}

	/**
	 * Places orders from many threads and kills order-service once half of them were
	 * answered; returns the ids of the orders it answered.
	 */
	@SuppressWarnings("FutureReturnValueIgnored") // each task handles its own failure
	private Set<String> placeABurstAndKillOrderServiceHalfway(int orders) throws InterruptedException {
		Set<String> answered = ConcurrentHashMap.newKeySet();
		CountDownLatch half = new CountDownLatch(orders / 2);
		String body = "{\"customerId\":\"" + this.customer + "\",\"items\":[{\"sku\":\"" + this.sku
				+ "\",\"quantity\":1}]}";
		try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
			for (int i = 0; i < orders; i++) {
				clients.submit(() -> {
					try {
						HttpJson.Response response = this.saga.orders.http().post("/orders", body);
						if (response.status() == 201) {
							answered.add(response.body().get("orderId").asString());
						}
					}
					catch (ServiceCallFailed ex) {
						// killed while it was asked: committed or not, the database knows
					}
					finally {
						half.countDown();
					}
				});
			}
			assertThat(half.await(2, TimeUnit.MINUTES)).isTrue();
			this.saga.orders.kill();
		}
		return answered;
	}

	/** What the killed order-service left in its outbox and the broker does not have. */
	private List<Map<String, Object>> unpublishedRows() {
		List<Map<String, Object>> rows = this.saga
			.query("select event_id, topic, message_key, created_at from orders.outbox_event");
		Set<String> onTheirTopics = new HashSet<>();
		rows.stream()
			.map((row) -> (String) row.get("topic"))
			.distinct()
			.forEach((topic) -> this.topics.records(topic)
				.forEach((record) -> onTheirTopics.add(TopicProbe.header(record, EventHeaders.ID))));
		return rows.stream().filter((row) -> !onTheirTopics.contains(row.get("event_id").toString())).toList();
	}

	private Map<UUID, String> ordersOfTheCustomer() {
		Map<UUID, String> orders = new HashMap<>();
		this.saga.query("select id, status, reason from orders.orders where customer_id = ?", this.customer)
			.forEach((row) -> orders.put((UUID) row.get("id"),
					row.get("status") + ((row.get("reason") != null) ? "/" + row.get("reason") : "")));
		return orders;
	}

	/**
	 * How many distinct events (by {@code ce_id}) each of the orders has on the topic, of
	 * the given status if one is given.
	 */
	private Map<String, Integer> eventsPerOrder(String topic, Set<String> orderIds, String status) {
		Map<String, Integer> counts = new HashMap<>();
		SagaRecords.eventsByOrder(this.topics, topic).forEach((orderId, events) -> {
			if (orderIds.contains(orderId)) {
				counts.put(orderId,
						(int) events.stream()
							.filter((event) -> status == null || status.equals(SagaRecords.status(event)))
							.count());
			}
		});
		return counts;
	}

}
