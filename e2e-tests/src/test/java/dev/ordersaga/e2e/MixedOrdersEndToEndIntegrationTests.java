package dev.ordersaga.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.TopicProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many orders at once against the packaged services, with inventory-service and
 * payment-service running two instances each (consumer groups of two): racing for scarce
 * stock, short of money, for unknown products and customers, cancelled at random moments.
 * Afterwards the books must balance, as {@code sagactl verify} checks them.
 */
@ExtendWith(ThreadDumpsOnFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MixedOrdersEndToEndIntegrationTests {

	private static final Duration QUIET = Duration.ofSeconds(90);

	/** A POST refused with 429 this often fails the test. */
	private static final int MAX_ATTEMPTS = 30;

	private RunningSaga saga;

	private final String run = UUID.randomUUID().toString().substring(0, 6);

	@BeforeAll
	void startTheSagaWithTwoInstancesOfInventoryAndPayment() {
		this.saga = RunningSaga.get();
		this.saga.twoInstancesEach("inventory-service", "payment-service");
	}

	@Test
	@Order(1)
	void twoHundredOrdersRacingForTenUnitsConfirmExactlyTen() throws Exception {
		String sku = "RACE-" + this.run;
		this.saga.product(sku, "9.99", "EUR", 10);
		this.saga.account("racer-" + this.run, "100000.00", "EUR");

		List<String> orderIds = inParallel(200,
				(i) -> place("racer-" + this.run, "[{\"sku\":\"" + sku + "\",\"quantity\":1}]"));
		Map<String, Long> outcomes = inParallel(orderIds.size(), (i) -> decided(orderIds.get(i))).stream()
			.collect(Collectors.groupingBy(
					(order) -> order.get("status").asString() + "/"
							+ (order.get("reason").isNull() ? "-" : order.get("reason").asString()),
					Collectors.counting()));

		assertThat(outcomes).containsOnly(Map.entry("CONFIRMED/-", 10L), Map.entry("REJECTED/OUT_OF_STOCK", 190L));
		await().atMost(QUIET).untilAsserted(() -> {
			JsonNode product = this.saga.inventory.http().get("/products/" + sku).body();
			assertThat(product.get("onHand").asInt()).isZero();
			assertThat(product.get("reserved").asInt()).isZero();
		});
	}

	@Test
	@Order(2)
	@SuppressWarnings("FutureReturnValueIgnored") // closing the executor waits for every
													// cancellation
	void aMixedRunOfOrdersCancellationsAndRejectionsBalancesTheBooks() throws Exception {
		Random random = new Random(42);
		List<String> skus = List.of("PLENTY-" + this.run, "SOME-" + this.run, "FEW-" + this.run);
		this.saga.product(skus.get(0), "5.00", "EUR", 100_000);
		this.saga.product(skus.get(1), "20.00", "EUR", 40);
		this.saga.product(skus.get(2), "50.00", "EUR", 15);
		List<String> customers = List.of("rich-1-" + this.run, "rich-2-" + this.run, "poor-1-" + this.run,
				"poor-2-" + this.run, "ghost-" + this.run);
		this.saga.account(customers.get(0), "100000.00", "EUR");
		this.saga.account(customers.get(1), "100000.00", "EUR");
		this.saga.account(customers.get(2), "60.00", "EUR");
		this.saga.account(customers.get(3), "60.00", "EUR");
		// customers.get(4) has no account: its orders are declined as UNKNOWN_CUSTOMER

		List<String> bodies = new ArrayList<>();
		for (int i = 0; i < 300; i++) {
			List<String> lines = new ArrayList<>();
			for (int line = 0; line <= random.nextInt(3); line++) {
				String sku = (random.nextInt(20) == 0) ? "MISSING-" + this.run : skus.get(random.nextInt(skus.size()));
				lines.add("{\"sku\":\"" + sku + "\",\"quantity\":" + (1 + random.nextInt(3)) + "}");
			}
			bodies.add(customers.get(random.nextInt(customers.size())) + "|[" + String.join(",", lines) + "]");
		}
		List<Integer> cancelAfterMillis = bodies.stream()
			.map((body) -> (random.nextInt(100) < 15) ? random.nextInt(1500) : -1)
			.toList();

		List<String> orderIds;
		try (ScheduledExecutorService cancellations = Executors.newScheduledThreadPool(4)) {
			orderIds = inParallel(bodies.size(), (i) -> {
				String[] parts = bodies.get(i).split("\\|", 2);
				String orderId = place(parts[0], parts[1]);
				if (cancelAfterMillis.get(i) >= 0) {
					cancellations.schedule(() -> this.saga.orders.http().post("/orders/" + orderId + "/cancel", ""),
							cancelAfterMillis.get(i), TimeUnit.MILLISECONDS);
				}
				return orderId;
			});
		}
		List<JsonNode> decided = inParallel(orderIds.size(), (i) -> decided(orderIds.get(i)));

		Map<String, Long> outcomes = decided.stream()
			.collect(Collectors.groupingBy(
					(order) -> order.get("status").asString() + "/"
							+ (order.get("reason").isNull() ? "-" : order.get("reason").asString()),
					Collectors.counting()));
		assertThat(outcomes.keySet()).contains("CONFIRMED/-", "REJECTED/OUT_OF_STOCK", "REJECTED/UNKNOWN_SKU",
				"REJECTED/PAYMENT_DECLINED", "CANCELLED/CUSTOMER_REQUEST");
		assertThat(outcomes.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(300);

		Sagactl.Run verified = await().atMost(QUIET)
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> Sagactl.verify(this.saga), (result) -> result.exitCode() == 0);
		assertThat(verified.output()).contains("the books balance");

		this.saga.sql("update inventory.product set on_hand = on_hand + 1 where sku = '" + skus.get(0) + "'");
		try {
			Sagactl.Run tampered = Sagactl.verify(this.saga);
			assertThat(tampered.exitCode()).isEqualTo(1);
			assertThat(tampered.output()).contains("SKU " + skus.get(0) + ": onHand is");
		}
		finally {
			this.saga.sql("update inventory.product set on_hand = on_hand - 1 where sku = '" + skus.get(0) + "'");
		}
	}

	/**
	 * After the runs above, with two instances in each group: every order's events come
	 * in an order the saga allows, and each instance had partitions and handled events.
	 */
	@Test
	@Order(3)
	void eachOrdersEventsComeInALegalOrderAndBothInstancesOfEachGroupHandledSome() {
		TopicProbe topics = new TopicProbe(this.saga.infra.kafkaBootstrapServers());
		assertThat(statusesByOrder(topics, Topics.INVENTORY_UPDATED)).isNotEmpty()
			.allSatisfy((orderId, statuses) -> assertThat(statuses).as("inventory.updated of %s", orderId)
				.matches("REJECTED|RESERVED( COMMITTED)?( RELEASED)?"));
		assertThat(statusesByOrder(topics, Topics.PAYMENT_COMPLETED)).isNotEmpty()
			.allSatisfy((orderId, statuses) -> assertThat(statuses).as("payment.completed of %s", orderId)
				.matches("DECLINED|CHARGED( REFUNDED)?"));

		for (String group : List.of("inventory-service", "payment-service")) {
			List<ServiceProcess> instances = this.saga.instancesOf(group);
			assertThat(instances).hasSize(2);
			await().atMost(QUIET).untilAsserted(() -> {
				Collection<MemberDescription> members = members(group);
				for (ServiceProcess instance : instances) {
					assertThat(members).as("members of %s that are %s", group, instance.instance())
						.filteredOn((member) -> member.clientId().matches(Pattern.quote(instance.instance()) + "-\\d+"))
						.flatExtracting((member) -> member.assignment().topicPartitions())
						.isNotEmpty();
				}
			});
			assertThat(instances).allSatisfy((instance) -> assertThat(instance.metric("saga_inbox_batch_size_sum"))
				.as("records %s handled", instance.instance())
				.isPositive());
		}
	}

	/** Each order's statuses on the topic, in order, separated by spaces. */
	private static Map<String, String> statusesByOrder(TopicProbe topics, String topic) {
		Map<String, String> statuses = new HashMap<>();
		SagaRecords.eventsByOrder(topics, topic)
			.forEach((orderId, events) -> statuses.put(orderId,
					events.stream().map(SagaRecords::status).collect(Collectors.joining(" "))));
		return statuses;
	}

	private Collection<MemberDescription> members(String group) throws Exception {
		try (Admin admin = this.saga.admin()) {
			return admin.describeConsumerGroups(List.of(group))
				.describedGroups()
				.get(group)
				.get(10, TimeUnit.SECONDS)
				.members();
		}
	}

	/**
	 * Places an order as a client should: a {@code 429} (order-service already places
	 * {@code saga.order.admission.max-concurrent} orders, fewer than these tests post at
	 * once) is tried again after its {@code Retry-After}.
	 */
	private String place(String customer, String items) {
		String body = "{\"customerId\":\"" + customer + "\",\"items\":" + items + "}";
		for (int attempt = 1;; attempt++) {
			HttpJson.Response placed = this.saga.orders.http().post("/orders", body);
			if (placed.status() != 429 || attempt == MAX_ATTEMPTS) {
				assertThat(placed.status()).as(placed.call()).isEqualTo(201);
				return placed.body().get("orderId").asString();
			}
			LockSupport.parkNanos(Duration.ofSeconds(Long.parseLong(placed.header("Retry-After"))).toNanos());
		}
	}

	private JsonNode decided(String orderId) {
		JsonNode order = this.saga.orders.http().get("/orders/" + orderId + "?wait=30s").body();
		assertThat(order.get("status").asString()).as("order %s", orderId).isIn("CONFIRMED", "REJECTED", "CANCELLED");
		return order;
	}

	private static <T> List<T> inParallel(int count, Function<Integer, T> task) throws Exception {
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int index = i;
				futures.add(threads.submit(() -> task.apply(index)));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(2, TimeUnit.MINUTES));
			}
			return results;
		}
	}

}
