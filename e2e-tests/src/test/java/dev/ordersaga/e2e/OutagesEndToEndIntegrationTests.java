package dev.ordersaga.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Services that go away in the middle of a saga: payment frozen past an order's deadline,
 * and an inventory instance killed while it retries a failing event.
 */
@ExtendWith(ThreadDumpsOnFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutagesEndToEndIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(90);

	/** The services' {@code saga.retry.max-attempts} (its default). */
	private static final int MAX_ATTEMPTS = 4;

	private static final String NO_FAULT = "{\"failureRate\":0.0,\"latencyMs\":0,\"eventType\":\"\"}";

	private final String run = UUID.randomUUID().toString().substring(0, 6);

	private RunningSaga saga;

	private TopicProbe topics;

	@BeforeAll
	void startTheSaga() {
		this.saga = RunningSaga.get();
		this.topics = new TopicProbe(this.saga.infra.kafkaBootstrapServers());
	}

	@Test
	void anOrderThatTimesOutWhilePaymentIsFrozenIsNeverChargedForGood() {
		String sku = "LATE-" + this.run;
		String customer = "late-" + this.run;
		this.saga.product(sku, "4.00", "EUR", 10);
		this.saga.account(customer, "100.00", "EUR");
		// a second order-service whose orders have a short deadline: the shared one's is
		// long enough for slow restarts
		ServiceProcess shortDeadline = this.saga.scaleOut("order-service", "order-service-short-deadline",
				Map.of("saga.order.deadline", "15s"));
		List<ServiceProcess> payments = this.saga.instancesOf("payment-service");
		List<ServiceProcess> frozen = new ArrayList<>();
		try {
			// frozen rather than stopped: the broker drops their consumers after the
			// session timeout, and they must find out and join again once they go on
			payments.forEach((payment) -> {
				payment.pause();
				frozen.add(payment);
			});

			String orderId = place(shortDeadline, customer, sku);
			JsonNode order = await().atMost(PATIENCE)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> this.saga.orders.http().get("/orders/" + orderId).body(),
						(found) -> !found.get("status").asString().matches("PENDING|RESERVED"));
			assertThat(order.get("status").asString()).isEqualTo("REJECTED");
			assertThat(order.get("reason").asString()).isEqualTo("TIMEOUT");
			assertThat(order.get("history").valueStream().map((change) -> change.get("status").asString()))
				.containsExactly("PENDING", "RESERVED", "REJECTED");

			frozen.forEach(ServiceProcess::resume);
			frozen.clear();
			this.saga.awaitCaughtUp("payment-service", PATIENCE);
			this.saga.awaitCaughtUp("inventory-service", PATIENCE);

			// a charge that came too late is refunded; or the order was voided first
			List<String> money = SagaRecords.eventsByOrder(this.topics, Topics.PAYMENT_COMPLETED)
				.getOrDefault(orderId, List.of())
				.stream()
				.map(SagaRecords::status)
				.toList();
			assertThat(money).isIn(List.of(), List.of("CHARGED", "REFUNDED"));
			assertThat(this.saga.payment.http().everyItem("/payments?orderId=" + orderId, "payments").stream())
				.allSatisfy((payment) -> assertThat(payment.get("status").asString())
					.isEqualTo(money.isEmpty() ? "VOIDED" : "REFUNDED"));
			assertThat(this.saga.payment.http().get("/accounts/" + customer).body().get("balance").decimalValue())
				.isEqualByComparingTo("100.00");
			JsonNode product = this.saga.inventory.http().get("/products/" + sku).body();
			assertThat(product.get("onHand").asInt()).isEqualTo(10);
			assertThat(product.get("reserved").asInt()).isZero();
			assertThat(this.saga.orders.http().get("/orders/" + orderId).body().get("status").asString())
				.isEqualTo("REJECTED");
			Sagactl.Run verified = Sagactl.verify(this.saga);
			assertThat(verified.exitCode()).as(verified.output()).isZero();
		}
		finally {
			frozen.forEach(ServiceProcess::resume);
			this.saga.scaleIn(shortDeadline);
		}
	}

	@Test
	void anEventFailingOnBothInventoryInstancesIsTriedMaxAttemptsTimesInAllAcrossAKill() throws Exception {
		String sku = "RETRY-" + this.run;
		String customer = "retry-" + this.run;
		this.saga.product(sku, "4.00", "EUR", 10);
		this.saga.account(customer, "100.00", "EUR");
		List<ServiceProcess> inventories = this.saga.twoInstancesOf("inventory-service");
		Map<ServiceProcess, Long> logFrom = new HashMap<>();
		inventories.forEach((inventory) -> logFrom.put(inventory, inventory.logSize()));
		// each attempt takes a few seconds, so that there is time to kill an instance
		// between two of them
		inventories.forEach((inventory) -> assertThat(inventory.management()
			.post("/actuator/faults", "{\"failureRate\":1.0,\"latencyMs\":2000,\"eventType\":\"order.created\"}")
			.status()).isEqualTo(200));
		ServiceProcess killed;
		ServiceProcess survivor;
		String orderId;
		try {
			orderId = place(this.saga.orders, customer, sku);
			ConsumerRecord<String, byte[]> created = await().atMost(PATIENCE)
				.until(() -> this.topics.records(Topics.ORDER_CREATED, UUID.fromString(orderId)),
						(found) -> !found.isEmpty())
				.get(0);
			Pattern attempt = Pattern.compile(
					"Record " + Pattern.quote(Topics.ORDER_CREATED + "-" + created.partition() + "@" + created.offset())
							+ " failed on attempt (\\d+) of (\\d+)");
			killed = await().atMost(PATIENCE)
				.until(() -> inventories.stream()
					.filter((inventory) -> !attempts(inventory, logFrom.get(inventory), attempt).isEmpty())
					.findFirst()
					.orElse(null), (retrying) -> retrying != null);
			killed.kill();
			ServiceProcess retrying = killed;
			survivor = inventories.stream().filter((inventory) -> inventory != retrying).findFirst().orElseThrow();
			double injectedBefore = injected(survivor);

			ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> this.topics.records(Topics.deadLetterOf(Topics.ORDER_CREATED), UUID.fromString(orderId)),
						(found) -> !found.isEmpty())
				.get(0);
			assertThat(TopicProbe.header(dead, "kafka_dlt-original-consumer-group")).isEqualTo("inventory-service");
			assertThat(TopicProbe.header(dead, EventHeaders.ATTEMPTS)).isEqualTo(String.valueOf(MAX_ATTEMPTS));

			List<Integer> beforeTheKill = attempts(killed, logFrom.get(killed), attempt);
			List<Integer> afterTheKill = attempts(survivor, logFrom.get(survivor), attempt);
			assertThat(beforeTheKill).as("attempts of the killed instance").isNotEmpty();
			assertThat(afterTheKill).as("attempts of the survivor").isNotEmpty();
			List<Integer> all = new ArrayList<>(beforeTheKill);
			all.addAll(afterTheKill);
			assertThat(all).as("attempts in all, numbered by the count in Redis")
				.containsExactlyElementsOf(IntStream.rangeClosed(1, MAX_ATTEMPTS).boxed().toList());
			assertThat(survivor.logFrom(logFrom.get(survivor)))
				.contains(" failed on attempt " + MAX_ATTEMPTS + " of " + MAX_ATTEMPTS + ", dead-lettering it");
			assertThat(injected(survivor) - injectedBefore).as("faults the survivor injected")
				.isEqualTo(afterTheKill.size());
		}
		finally {
			List<ServiceProcess> down = inventories.stream().filter((inventory) -> !inventory.isRunning()).toList();
			inventories.stream()
				.filter(ServiceProcess::isRunning)
				.forEach((inventory) -> inventory.management().post("/actuator/faults", NO_FAULT));
			// the killed instance starts again (without the fault) while the survivor
			// carries on
			down.forEach((inventory) -> inventory.start(this.saga.infra));
		}

		try {
			// the operator redrives it once the fault is gone, and the order goes through
			// (a run that is repeated does not redrive the record twice)
			List<String> redrive = List.of("dlq", "redrive", "order.created.dlq", "--order", orderId, "--group",
					"inventory-service", "--execute", "--bootstrap", this.saga.infra.kafkaBootstrapServers());
			await().atMost(PATIENCE)
				.pollInterval(Duration.ofSeconds(2))
				.until(() -> Sagactl.run(redrive), (redriven) -> redriven.exitCode() == 0);
			assertThat(this.saga.orders.http().get("/orders/" + orderId + "?wait=30s").body().get("status").asString())
				.isEqualTo("CONFIRMED");
		}
		finally {
			await().atMost(RunningSaga.START_UP)
				.pollInterval(Duration.ofSeconds(1))
				.until(() -> inventories.stream().allMatch(ServiceProcess::isHealthy));
		}
	}

	/** The attempt numbers the instance logged for the record since the offset. */
	private static List<Integer> attempts(ServiceProcess instance, long from, Pattern attempt) {
		List<Integer> numbers = new ArrayList<>();
		Matcher matcher = attempt.matcher(instance.logFrom(from));
		while (matcher.find()) {
			assertThat(Integer.parseInt(matcher.group(2))).as("max attempts in the log").isEqualTo(MAX_ATTEMPTS);
			numbers.add(Integer.parseInt(matcher.group(1)));
		}
		return numbers;
	}

	private static double injected(ServiceProcess inventory) {
		return inventory.management().get("/actuator/faults").body().get("injected").asDouble();
	}

	private String place(ServiceProcess orders, String customer, String sku) {
		HttpJson.Response placed = orders.http()
			.post("/orders",
					"{\"customerId\":\"" + customer + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}]}");
		assertThat(placed.status()).isEqualTo(201);
		return placed.body().get("orderId").asString();
	}

}
