package dev.ordersaga.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
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
 * An operator's day with {@code sagactl} against the packaged services: a poison record
 * shows up in the dead-letter topics, a running group and a stopped group replay a topic
 * without changing anything, analytics is rebuilt from the topics, and an event that
 * payment could not handle is redriven once the fault is fixed.
 */
@ExtendWith(ThreadDumpsOnFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatingItEndToEndIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private final String run = UUID.randomUUID().toString().substring(0, 6);

	private RunningSaga saga;

	private TopicProbe topics;

	@BeforeAll
	void placeAFewOrders() {
		this.saga = RunningSaga.get();
		this.topics = new TopicProbe(this.saga.infra.kafkaBootstrapServers());
		this.saga.product("OPS-" + this.run, "2.50", "EUR", 100);
		this.saga.account("ops-" + this.run, "1000.00", "EUR");
		for (int i = 0; i < 4; i++) {
			String orderId = place("ops-" + this.run, "OPS-" + this.run, 1 + i);
			assertThat(status(orderId, "20s")).isEqualTo("CONFIRMED");
		}
	}

	@Test
	@Order(1)
	void aPoisonRecordIsListedOncePerGroupThatReadItAndShownWithItsOrigin() throws Exception {
		String key = "poison-" + this.run;
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.saga.infra.kafkaBootstrapServers()),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>(Topics.ORDER_CREATED, key, "this is not an event"))
				.get(10, TimeUnit.SECONDS);
		}

		Sagactl.Run shown = await().atMost(PATIENCE)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> sagactl("dlq", "show", "order.created.dlq", "--order", key),
					(result) -> result.output().lines().count() == 2);
		assertThat(shown.exitCode()).isZero();
		assertThat(shown.output()).contains("\"kafka_dlt-original-topic\":\"order.created\"",
				"\"kafka_dlt-original-consumer-group\":\"inventory-service\"",
				"\"kafka_dlt-original-consumer-group\":\"analytics-service\"", "missing header ce_id",
				"\"value\":\"this is not an event\"");

		Sagactl.Run listed = sagactl("dlq", "list");
		assertThat(listed.exitCode()).isZero();
		assertThat(listed.output()).containsPattern("by consumer group: \\{.*analytics-service=\\d+")
			.containsPattern("inventory-service=\\d+");

		Sagactl.Run listedTopics = sagactl("topics");
		assertThat(listedTopics.exitCode()).isZero();
		assertThat(listedTopics.output()).contains("order.created.dlq", "saga.control")
			.containsPattern("inventory-service: \\d+ / \\d+");
	}

	@Test
	@Order(2)
	void aRunningGroupReplaysATopicFromTheBeginningAndNothingChanges() {
		this.saga.awaitCaughtUp("inventory-service", PATIENCE);
		Map<String, List<JsonNode>> before = books();
		double duplicatesBefore = inventoryDuplicates();
		List<ConsumerRecord<String, byte[]>> onTheTopic = this.topics.records(Topics.ORDER_CREATED);
		long appliedBefore = appliedBy("inventory", "inventory-service", onTheTopic);

		Sagactl.Run plan = sagactl("replay", "--group", "inventory-service", "--topic", "order.created",
				"--to-earliest");
		assertThat(plan.exitCode()).isZero();
		assertThat(plan.output()).contains("PARTITION", "dry run: nothing changed");
		assertThat(recordsToConsume(plan.output())).isEqualTo(onTheTopic.size());

		Sagactl.Run replayed = sagactl("replay", "--group", "inventory-service", "--topic", "order.created",
				"--to-earliest", "--execute");
		assertThat(replayed.exitCode()).as(replayed.output()).isZero();
		assertThat(replayed.output()).containsPattern("inventory-service@\\S+ seeked partitions")
			.contains("done: inventory-service consumes order.created again");

		// every record of order.created is consumed again, and each event applied before
		// is skipped as a duplicate, exactly once (a poison record is passed by: it was
		// dead-lettered before)
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(inventoryDuplicates() - duplicatesBefore)
				.isGreaterThanOrEqualTo((double) appliedBefore));
		this.saga.awaitCaughtUp("inventory-service", PATIENCE);
		await().during(Duration.ofSeconds(3))
			.atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(inventoryDuplicates() - duplicatesBefore).isEqualTo((double) appliedBefore));
		assertThat(books()).isEqualTo(before);
		assertThat(Sagactl.verify(this.saga).exitCode()).isZero();

		Sagactl.Run audit = sagactl("read", Topics.CONTROL, "--header", "ce_type=replay.requested");
		assertThat(audit.output()).contains("\"group\":\"inventory-service\"", "\"requestedBy\"");
	}

	@Test
	@Order(3)
	void aStoppedGroupReplaysByRewrittenOffsetsAndConsumesAgainWhenStarted() {
		this.saga.awaitCaughtUp("analytics-service", PATIENCE);
		JsonNode before = this.saga.analytics.http().get("/analytics/summary").body();
		long confirmations = appliedBy("analytics", "analytics-service", this.topics.records(Topics.ORDER_CONFIRMED));
		assertThat(confirmations).isGreaterThanOrEqualTo(4);
		this.saga.analytics.stop(Duration.ofSeconds(20));
		Sagactl.Run replayed = await().atMost(PATIENCE)
			.pollInterval(Duration.ofSeconds(2))
			.until(() -> sagactl("replay", "--group", "analytics-service", "--topic", "order.confirmed",
					"--to-earliest", "--execute"), (result) -> result.output().contains("committed offsets"));
		assertThat(replayed.exitCode()).isZero();
		assertThat(replayed.output()).contains("analytics-service has no running instance");

		this.saga.analytics.start(this.saga.infra);
		await().atMost(RunningSaga.START_UP).pollInterval(Duration.ofSeconds(1)).until(this.saga.analytics::isHealthy);
		// a fresh process counts from zero: every confirmation it reads again is a
		// duplicate, once
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.saga.analytics.metric("saga_inbox_duplicates_total"))
				.isGreaterThanOrEqualTo((double) confirmations));
		this.saga.awaitCaughtUp("analytics-service", PATIENCE);
		await().during(Duration.ofSeconds(3))
			.atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.saga.analytics.metric("saga_inbox_duplicates_total"))
				.isEqualTo((double) confirmations));
		assertThat(this.saga.analytics.http().get("/analytics/summary").body()).isEqualTo(before);
	}

	@Test
	@Order(4)
	void analyticsIsRebuiltFromTheTopicsWithTheSameFigures() {
		JsonNode before = this.saga.analytics.http().get("/analytics/summary").body();
		assertThat(before.get("orders").asLong()).isGreaterThanOrEqualTo(4);

		Sagactl.Run rebuilt = sagactl("analytics", "rebuild", "--analytics", this.saga.analytics.url(), "--execute");

		assertThat(rebuilt.exitCode()).as(rebuilt.output()).isZero();
		assertThat(rebuilt.output()).containsPattern("cleared [1-9]\\d* order facts")
			.contains("figures after the rebuild are equal to those before");
		assertThat(this.saga.analytics.http().get("/analytics/summary").body()).isEqualTo(before);
	}

	@Test
	@Order(5)
	void anEventPaymentFailedOnIsRedrivenToPaymentAloneOnceTheFaultIsFixed() {
		String customer = "ops-" + this.run;
		List<ServiceProcess> payments = this.saga.instancesOf("payment-service");
		String orderId;
		try {
			payments.forEach((payment) -> assertThat(payment.management()
				.post("/actuator/faults", "{\"failureRate\":1.0,\"eventType\":\"inventory.updated\"}")
				.status()).isEqualTo(200));
			orderId = place(customer, "OPS-" + this.run, 1);
			await().atMost(PATIENCE)
				.until(() -> sagactl("dlq", "show", "inventory.updated.dlq", "--order", orderId).output(),
						(output) -> output.contains("\"kafka_dlt-original-consumer-group\":\"payment-service\""));
		}
		finally {
			payments.forEach((payment) -> payment.management()
				.post("/actuator/faults", "{\"failureRate\":0.0,\"eventType\":\"\"}"));
		}
		assertThat(status(orderId, "0s")).isEqualTo("RESERVED");
		double orderDuplicates = this.saga.orders.metric("saga_inbox_duplicates_total");

		Sagactl.Run redriven = sagactl("dlq", "redrive", "inventory.updated.dlq", "--order", orderId, "--group",
				"payment-service", "--execute");

		assertThat(redriven.exitCode()).as(redriven.output()).isZero();
		assertThat(redriven.output()).contains("for payment-service only", "redriven 1,");
		assertThat(status(orderId, "30s")).isEqualTo("CONFIRMED");
		assertThat(this.saga.payment.http().everyItem("/payments?orderId=" + orderId, "payments")).singleElement()
			.satisfies((charge) -> assertThat(charge.get("status").asString()).isEqualTo("CHARGED"));
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.saga.notification.http()
				.everyItem("/notifications?orderId=" + orderId, "notifications")
				.size()).isEqualTo(1));
		// order-service read the redriven copy on inventory.updated and passed it by
		assertThat(this.saga.orders.metric("saga_inbox_duplicates_total")).isEqualTo(orderDuplicates);

		Sagactl.Run again = sagactl("dlq", "redrive", "inventory.updated.dlq", "--order", orderId, "--group",
				"payment-service", "--execute");
		assertThat(again.exitCode()).isZero();
		assertThat(again.output()).contains("redriven before", "redriven 0, skipped 1");
		assertThat(Sagactl.verify(this.saga).exitCode()).isZero();
	}

	private Sagactl.Run sagactl(String... args) {
		List<String> command = new ArrayList<>(List.of(args));
		command.addAll(List.of("--bootstrap", this.saga.infra.kafkaBootstrapServers()));
		return Sagactl.run(command);
	}

	/**
	 * What the operator compares: stock, reservations, balances, charges, notifications,
	 * orders.
	 */
	private Map<String, List<JsonNode>> books() {
		return Map.of("products", this.saga.inventory.http().everyItem("/products", "products"), "reservations",
				this.saga.inventory.http().everyItem("/reservations", "reservations"), "accounts",
				this.saga.payment.http().everyItem("/accounts", "accounts"), "payments",
				this.saga.payment.http().everyItem("/payments", "payments"), "notifications",
				this.saga.notification.http().everyItem("/notifications", "notifications"), "orders",
				this.saga.orders.http().everyItem("/orders", "orders"));
	}

	private double inventoryDuplicates() {
		return this.saga.instancesOf("inventory-service")
			.stream()
			.mapToDouble((service) -> service.metric("saga_inbox_duplicates_total"))
			.sum();
	}

	/**
	 * How many of the records carry an event the group applied (its service's
	 * {@code processed_event} has it), counting copies with the same {@code ce_id} each:
	 * a replay finds each of them a duplicate. Records redriven for another group are not
	 * the group's.
	 */
	private long appliedBy(String schema, String group, List<ConsumerRecord<String, byte[]>> records) {
		Set<String> applied = this.saga.query("select event_id from " + schema + ".processed_event")
			.stream()
			.map((row) -> row.get("event_id").toString())
			.collect(Collectors.toSet());
		return records.stream()
			.filter((record) -> applied.contains(TopicProbe.header(record, EventHeaders.ID)))
			.filter((record) -> {
				String target = TopicProbe.header(record, EventHeaders.REDRIVE_FOR);
				return target == null || target.equals(group);
			})
			.count();
	}

	private static long recordsToConsume(String plan) {
		Matcher matcher = Pattern.compile("(\\d+) records to be consumed again").matcher(plan);
		assertThat(matcher.find()).as(plan).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	private String place(String customer, String sku, int quantity) {
		HttpJson.Response placed = this.saga.orders.http()
			.post("/orders", "{\"customerId\":\"" + customer + "\",\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":"
					+ quantity + "}]}");
		assertThat(placed.status()).isEqualTo(201);
		return placed.body().get("orderId").asString();
	}

	private String status(String orderId, String wait) {
		return this.saga.orders.http().get("/orders/" + orderId + "?wait=" + wait).body().get("status").asString();
	}

}
