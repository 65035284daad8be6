package dev.ordersaga.orderservice.order;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.ordersaga.events.DeclineReason;
import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.PaymentStatus;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.TopicProbe;
import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The order-service in the saga, with inventory and payment played over real Kafka. */
class OrderSagaIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	private OrderChangeSignals signals;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void publishesThePlacedOrderWithCloudEventsHeaders() {
		HttpJson.Response placed = place(
				"{\"customerId\":\"c-headers\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}");
		assertThat(placed.status()).isEqualTo(201);
		UUID orderId = UUID.fromString(placed.body().get("orderId").asString());
		assertThat(placed.header("Location")).isEqualTo("/orders/" + orderId);

		List<ConsumerRecord<String, byte[]>> records = await().atMost(PATIENCE)
			.until(() -> this.topics.records(Topics.ORDER_CREATED, orderId), (found) -> found.size() == 1);
		ConsumerRecord<String, byte[]> record = records.get(0);
		assertThat(TopicProbe.header(record, EventHeaders.ID)).isNotBlank();
		assertThat(TopicProbe.header(record, EventHeaders.TYPE)).isEqualTo("order.created");
		assertThat(TopicProbe.header(record, EventHeaders.SOURCE)).isEqualTo("order-service");
		assertThat(TopicProbe.header(record, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
		assertThat(TopicProbe.header(record, EventHeaders.TIME)).isNotBlank();
		assertThat(TopicProbe.header(record, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		assertThat(TopicProbe.header(record, EventHeaders.TRACEPARENT)).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
		assertThat(this.topics.events(Topics.ORDER_CREATED, orderId)).singleElement()
			.isInstanceOfSatisfying(OrderCreated.class, (created) -> {
				assertThat(created.customerId()).isEqualTo("c-headers");
				assertThat(created.items()).containsExactly(new OrderLine("SKU-1", 2));
			});
	}

	@Test
	void confirmsTheOrderOnceStockIsReservedAndTheTotalCharged() {
		UUID orderId = placeOrder("c-happy");
		OrderId id = new OrderId(orderId);
		this.publisher.publish(InventoryUpdated.reserved(id, "c-happy",
				List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50"))), "EUR"));
		this.publisher.publish(new PaymentCompleted(id, PaymentStatus.CHARGED, new BigDecimal("25.00"), "EUR", null));

		JsonNode order = this.http.get("/orders/" + orderId + "?wait=10s").body();
		assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.get("totalAmount").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(order.get("items").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(order.get("history").valueStream().map((change) -> change.get("status").asString()))
			.containsExactly("PENDING", "RESERVED", "CONFIRMED");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.topics.events(Topics.ORDER_CONFIRMED, orderId))
				.containsExactly(new OrderConfirmed(id, "c-happy", new BigDecimal("25.00"), "EUR")));
	}

	@Test
	void rejectsTheOrderWhenTheChargeIsNotTheReservedTotal() {
		UUID orderId = placeOrder("c-mismatch");
		OrderId id = new OrderId(orderId);
		this.publisher.publish(InventoryUpdated.reserved(id, "c-mismatch",
				List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50"))), "EUR"));
		this.publisher.publish(new PaymentCompleted(id, PaymentStatus.CHARGED, new BigDecimal("2.50"), "EUR", null));

		JsonNode order = this.http.get("/orders/" + orderId + "?wait=10s").body();
		assertThat(order.get("status").asString()).isEqualTo("REJECTED");
		assertThat(order.get("reason").asString()).isEqualTo("PAYMENT_MISMATCH");
		// payment refunds a charge of a rejected order, and inventory releases its stock
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.topics.events(Topics.ORDER_REJECTED, orderId))
				.containsExactly(new OrderRejected(id, "c-mismatch", RejectionReason.PAYMENT_MISMATCH)));
		assertThat(this.topics.events(Topics.ORDER_CONFIRMED, orderId)).isEmpty();
	}

	@Test
	void rejectsTheOrderWhenPaymentIsDeclinedAndAppliesARedeliveredReportOnce() {
		UUID orderId = placeOrder("c-declined");
		OrderId id = new OrderId(orderId);
		UUID reservation = this.publisher.publish(InventoryUpdated.reserved(id, "c-declined",
				List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50"))), "EUR"));
		PaymentCompleted declined = new PaymentCompleted(id, PaymentStatus.DECLINED, new BigDecimal("25.00"), "EUR",
				DeclineReason.INSUFFICIENT_FUNDS);
		UUID decline = this.publisher.publish(declined);
		this.publisher.publish(InventoryUpdated.reserved(id, "c-declined",
				List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50"))), "EUR"), reservation);
		this.publisher.publish(declined, decline);

		JsonNode order = this.http.get("/orders/" + orderId + "?wait=10s").body();
		assertThat(order.get("status").asString()).isEqualTo("REJECTED");
		assertThat(order.get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.topics.events(Topics.ORDER_REJECTED, orderId))
				.containsExactly(new OrderRejected(id, "c-declined", RejectionReason.PAYMENT_DECLINED)));
		assertThat(this.http.get("/orders/" + orderId).body().get("history").size()).isEqualTo(3);
	}

	@Test
	void aChargeThatOvertakesItsReservationIsKeptUntilTheReservationConfirmsIt() {
		UUID orderId = placeOrder("c-overtaken");
		OrderId id = new OrderId(orderId);
		UUID charge = this.publisher
			.publish(new PaymentCompleted(id, PaymentStatus.CHARGED, new BigDecimal("25.00"), "EUR", null));
		awaitProcessed(charge);
		// nothing to compare the charge with yet
		assertThat(this.http.get("/orders/" + orderId).body().get("status").asString()).isEqualTo("PENDING");

		UUID reservation = this.publisher.publish(InventoryUpdated.reserved(id, "c-overtaken",
				List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50"))), "EUR"));
		awaitProcessed(reservation);
		JsonNode order = this.http.get("/orders/" + orderId).body();
		assertThat(order.get("status").asString()).isEqualTo("CONFIRMED");
		assertThat(order.get("items").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("12.50");
		assertThat(order.get("history").valueStream().map((change) -> change.get("status").asString()))
			.containsExactly("PENDING", "RESERVED", "CONFIRMED");
		awaitOutboxFlushed(orderId);
		assertThat(this.topics.events(Topics.ORDER_CONFIRMED, orderId)).hasSize(1);
	}

	@Test
	void rejectsTheOrderWhenStockIsShort() {
		UUID orderId = placeOrder("c-short");
		this.publisher
			.publish(InventoryUpdated.rejected(new OrderId(orderId), "c-short", RejectionReason.OUT_OF_STOCK));
		JsonNode order = this.http.get("/orders/" + orderId + "?wait=10s").body();
		assertThat(order.get("status").asString()).isEqualTo("REJECTED");
		assertThat(order.get("reason").asString()).isEqualTo("OUT_OF_STOCK");
	}

	@Test
	void theSameIdempotencyKeyReturnsTheSameOrderAndRefusesAnotherBody() {
		String key = UUID.randomUUID().toString();
		String body = "{\"customerId\":\"c-idem\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}";
		HttpJson.Response first = this.http.post("/orders", body, Map.of("Idempotency-Key", key));
		HttpJson.Response again = this.http.post("/orders", body, Map.of("Idempotency-Key", key));
		HttpJson.Response other = this.http.post("/orders",
				"{\"customerId\":\"c-idem\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":3}]}",
				Map.of("Idempotency-Key", key));

		assertThat(first.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body().get("orderId")).isEqualTo(first.body().get("orderId"));
		assertThat(other.status()).isEqualTo(422);
		assertThat(other.header("Content-Type")).isEqualTo("application/problem+json");
		JsonNode page = this.http.get("/orders?customerId=c-idem").body();
		assertThat(page.get("orders").size()).isEqualTo(1);
	}

	@Test
	void anotherCustomersSameIdempotencyKeyPlacesAnOrderOfItsOwnAndLearnsNothing() {
		String key = UUID.randomUUID().toString();
		HttpJson.Response mine = this.http.post("/orders",
				"{\"customerId\":\"c-key-owner\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}",
				Map.of("Idempotency-Key", key));
		HttpJson.Response theirs = this.http.post("/orders",
				"{\"customerId\":\"c-key-other\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":3}]}",
				Map.of("Idempotency-Key", key));

		assertThat(mine.status()).isEqualTo(201);
		assertThat(theirs.status()).isEqualTo(201);
		assertThat(theirs.body().get("orderId")).isNotEqualTo(mine.body().get("orderId"));
		assertThat(theirs.body().toString()).doesNotContain(mine.body().get("orderId").asString());
		HttpJson.Response mineAgain = this.http.post("/orders",
				"{\"customerId\":\"c-key-owner\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}",
				Map.of("Idempotency-Key", key));
		assertThat(mineAgain.status()).isEqualTo(200);
		assertThat(mineAgain.body().get("orderId")).isEqualTo(mine.body().get("orderId"));
	}

	@Test
	void aCancelledOrderIsCompensatedAndCannotBeCancelledAgain() {
		UUID orderId = placeOrder("c-cancel");
		HttpJson.Response cancelled = this.http.post("/orders/" + orderId + "/cancel", "");
		assertThat(cancelled.status()).isEqualTo(202);
		assertThat(cancelled.body().get("status").asString()).isEqualTo("CANCELLED");
		assertThat(cancelled.body().get("reason").asString()).isEqualTo("CUSTOMER_REQUEST");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.topics.events(Topics.ORDER_CANCELLED, orderId)).singleElement()
				.isInstanceOf(OrderCancelled.class));
		assertThat(this.http.post("/orders/" + orderId + "/cancel", "").status()).isEqualTo(409);
	}

	@Test
	void listsACustomersOrdersNewestFirstInPages() {
		UUID first = placeOrder("c-pages");
		UUID second = placeOrder("c-pages");
		UUID third = placeOrder("c-pages");
		JsonNode page = this.http.get("/orders?customerId=c-pages&limit=2").body();
		assertThat(page.get("orders").valueStream().map((o) -> o.get("orderId").asString()))
			.containsExactly(third.toString(), second.toString());
		JsonNode next = this.http.get("/orders?customerId=c-pages&limit=2&after=" + page.get("next").asString()).body();
		assertThat(next.get("orders").valueStream().map((o) -> o.get("orderId").asString()))
			.containsExactly(first.toString());
		assertThat(next.get("next").isNull()).isTrue();
	}

	@Test
	void listsACustomersOrdersInOneStatusAndRefusesAPageAfterAnUnknownOrder() {
		UUID pending = placeOrder("c-status");
		UUID cancelled = placeOrder("c-status");
		assertThat(this.http.post("/orders/" + cancelled + "/cancel", "").status()).isEqualTo(202);
		JsonNode page = this.http.get("/orders?customerId=c-status&status=CANCELLED").body();
		assertThat(page.get("orders").valueStream().map((o) -> o.get("orderId").asString()))
			.containsExactly(cancelled.toString());
		assertThat(page.get("next").isNull()).isTrue();
		JsonNode stillPending = this.http.get("/orders?customerId=c-status&status=PENDING").body();
		assertThat(stillPending.get("orders").valueStream().map((o) -> o.get("orderId").asString()))
			.containsExactly(pending.toString());

		UUID unknown = UUID.randomUUID();
		HttpJson.Response refused = this.http.get("/orders?after=" + unknown);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(refused.body().get("detail").asString()).isEqualTo("after: no order " + unknown);
	}

	@Test
	void aWaiterWakesWhenAnotherInstanceDecidesTheOrder() throws Exception {
		UUID orderId = placeOrder("c-elsewhere");
		CompletableFuture<HttpJson.Response> waiting = CompletableFuture
			.supplyAsync(() -> this.http.get("/orders/" + orderId + "?wait=30s"));
		await().atMost(PATIENCE).until(() -> this.signals.waitedOn() > 0);

		// as another instance would: committed behind this one's back, no signal here
		this.jdbc.update("update orders set status = 'REJECTED', reason = 'TIMEOUT' where id = ?", orderId);

		// well before the 30 s wait is up: the shared recheck found the decision
		HttpJson.Response answer = waiting.get(20, TimeUnit.SECONDS);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body().get("status").asString()).isEqualTo("REJECTED");
		assertThat(this.signals.waitedOn()).isZero();
	}

	@Test
	void aBodyPastTheLimitIsRefusedWith413AndNoOrderIsPlaced() {
		String customer = "c-large-" + UUID.randomUUID();
		String padding = "x".repeat(64 * 1024);
		HttpJson.Response refused = place("{\"customerId\":\"" + customer
				+ "\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}],\"note\":\"" + padding + "\"}");

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(refused.body().get("detail").asString()).isEqualTo("The request body is larger than 65536 bytes");
		assertThat(this.http.get("/orders?customerId=" + customer).body().get("orders").isEmpty()).isTrue();
	}

	@Test
	void actuatorAnswersOnTheManagementPortOnlyAndHasNoFaultSwitchUnlessEnabled() {
		assertThat(this.http.get("/actuator/health").status()).isEqualTo(404);
		assertThat(this.http.get("/actuator/prometheus").status()).isEqualTo(404);

		HttpJson.Response health = this.management.get("/actuator/health");
		assertThat(health.status()).isEqualTo(200);
		assertThat(health.body().get("status").asString()).isEqualTo("UP");
		// saga.faults.enabled is off here
		assertThat(this.management.get("/actuator/faults").status()).isEqualTo(404);
		assertThat(this.management.post("/actuator/faults", "{\"failureRate\":1.0}").status()).isEqualTo(404);
	}

	@Test
	void anUnknownOrderIsNotFound() {
		HttpJson.Response response = this.http.get("/orders/" + UUID.randomUUID());
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
	}

	private UUID placeOrder(String customerId) {
		HttpJson.Response placed = place(
				"{\"customerId\":\"" + customerId + "\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}");
		assertThat(placed.status()).isEqualTo(201);
		return UUID.fromString(placed.body().get("orderId").asString());
	}

	private HttpJson.Response place(String body) {
		return this.http.post("/orders", body);
	}

}
