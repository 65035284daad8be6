package dev.ordersaga.inventoryservice.reservation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.InventoryStatus;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.events.Topics;
import dev.ordersaga.inventoryservice.InventoryServiceIntegrationTest;
import dev.ordersaga.messaging.kafka.UnreadableEventException;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The inventory-service in the saga, with order-service played over real Kafka. */
class ReservationIntegrationTests extends InventoryServiceIntegrationTest {

	@Autowired
	private ReservingStock reserving;

	@Autowired
	private ReservationRepository reservations;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void reservesEveryLineAndPricesTheOrder() {
		String widget = stock("12.50", 10);
		String gadget = stock("3.20", 5);
		OrderId orderId = OrderId.random();
		this.publisher.publish(order(orderId, "c-reserve", new OrderLine(widget, 2), new OrderLine(gadget, 3)));

		InventoryUpdated reserved = awaitUpdate(orderId, InventoryStatus.RESERVED);
		assertThat(reserved.customerId()).isEqualTo("c-reserve");
		assertThat(reserved.reason()).isNull();
		assertThat(reserved.lines()).containsExactlyInAnyOrder(new PricedLine(widget, 2, new BigDecimal("12.50")),
				new PricedLine(gadget, 3, new BigDecimal("3.20")));
		assertThat(reserved.totalAmount()).isEqualByComparingTo("34.60");
		assertThat(reserved.currency()).isEqualTo("EUR");
		assertStock(widget, 10, 2);
		assertStock(gadget, 5, 3);
	}

	@Test
	void publishesTheReservationWithCloudEventsHeaders() {
		String widget = stock("12.50", 10);
		OrderId orderId = OrderId.random();
		// the event as order-service wrote it, in the span 00f067aa0ba902b7 of a trace
		String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
		this.publisher.publishTraced(order(orderId, "c-headers", new OrderLine(widget, 1)),
				"00-" + trace + "-00f067aa0ba902b7-01");
		awaitUpdate(orderId, InventoryStatus.RESERVED);

		ConsumerRecord<String, byte[]> record = this.topics.records(Topics.INVENTORY_UPDATED, orderId.value()).get(0);
		assertThat(UUID.fromString(TopicProbe.header(record, EventHeaders.ID))).isNotNull();
		assertThat(TopicProbe.header(record, EventHeaders.TYPE)).isEqualTo("inventory.updated");
		assertThat(TopicProbe.header(record, EventHeaders.SOURCE)).isEqualTo("inventory-service");
		assertThat(TopicProbe.header(record, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
		assertThat(Instant.parse(TopicProbe.header(record, EventHeaders.TIME))).isNotNull();
		assertThat(TopicProbe.header(record, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		// written in the span that handled the event: the same trace, a span of its own
		assertThat(TopicProbe.header(record, EventHeaders.TRACEPARENT)).matches("00-" + trace + "-[0-9a-f]{16}-01")
			.doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void commitsTheReservedUnitsWhenTheOrderIsConfirmed() {
		String widget = stock("12.50", 10);
		OrderId orderId = OrderId.random();
		this.publisher.publish(order(orderId, "c-commit", new OrderLine(widget, 3)));
		awaitUpdate(orderId, InventoryStatus.RESERVED);
		this.publisher.publish(new OrderConfirmed(orderId, "c-commit", new BigDecimal("37.50"), "EUR"));

		InventoryUpdated committed = awaitUpdate(orderId, InventoryStatus.COMMITTED);
		assertThat(committed.lines()).containsExactly(new PricedLine(widget, 3, new BigDecimal("12.50")));
		assertStock(widget, 7, 0);
	}

	@Test
	void rejectsTheWholeOrderWhenOneLineIsShort() {
		String plenty = stock("12.50", 10);
		String scarce = stock("3.20", 1);
		OrderId orderId = OrderId.random();
		this.publisher.publish(order(orderId, "c-short", new OrderLine(plenty, 2), new OrderLine(scarce, 2)));

		assertThat(awaitUpdate(orderId, InventoryStatus.REJECTED))
			.isEqualTo(InventoryUpdated.rejected(orderId, "c-short", RejectionReason.OUT_OF_STOCK));
		assertStock(plenty, 10, 0);
		assertStock(scarce, 1, 0);
	}

	@Test
	void rejectsOrderWhoseLinesMixCurrenciesAndReservesNothing() {
		String euros = stock("12.50", 10);
		String dollars = stock("3.20", "USD", 5);
		OrderId orderId = OrderId.random();
		this.publisher.publish(order(orderId, "c-mixed", new OrderLine(euros, 1), new OrderLine(dollars, 1)));

		assertThat(awaitUpdate(orderId, InventoryStatus.REJECTED))
			.isEqualTo(InventoryUpdated.rejected(orderId, "c-mixed", RejectionReason.MIXED_CURRENCIES));
		assertStock(euros, 10, 0);
		assertStock(dollars, 5, 0);
		JsonNode reservation = this.http.everyItem("/reservations?orderId=" + orderId, "reservations").get(0);
		assertThat(reservation.get("status").asString()).isEqualTo("REJECTED");
		assertThat(reservation.get("reason").asString()).isEqualTo("MIXED_CURRENCIES");
	}

	@Test
	void pricesAnOrderInTheCurrencyOfItsProducts() {
		String dollars = stock("3.20", "USD", 5);
		OrderId orderId = OrderId.random();
		this.publisher.publish(order(orderId, "c-dollars", new OrderLine(dollars, 2)));

		InventoryUpdated reserved = awaitUpdate(orderId, InventoryStatus.RESERVED);
		assertThat(reserved.totalAmount()).isEqualByComparingTo("6.40");
		assertThat(reserved.currency()).isEqualTo("USD");
	}

	@Test
	void rejectsAnOrderForAnUnknownSku() {
		String widget = stock("12.50", 10);
		OrderId orderId = OrderId.random();
		this.publisher.publish(
				order(orderId, "c-unknown", new OrderLine(widget, 1), new OrderLine("SKU-" + UUID.randomUUID(), 1)));

		assertThat(awaitUpdate(orderId, InventoryStatus.REJECTED))
			.isEqualTo(InventoryUpdated.rejected(orderId, "c-unknown", RejectionReason.UNKNOWN_SKU));
		assertStock(widget, 10, 0);
	}

	@Test
	void reservesARedeliveredOrReproducedOrderOnce() {
		String widget = stock("12.50", 10);
		OrderId orderId = OrderId.random();
		OrderCreated created = order(orderId, "c-twice", new OrderLine(widget, 2));
		UUID first = this.publisher.publish(created);
		this.publisher.publish(created, first);
		UUID reproduced = this.publisher.publish(created);

		awaitProcessed(first, reproduced);
		awaitOutboxFlushed(orderId.value());
		assertThat(updates(orderId)).singleElement()
			.extracting(InventoryUpdated::status)
			.isEqualTo(InventoryStatus.RESERVED);
		assertStock(widget, 10, 2);
	}

	@Test
	void aCancellationThatArrivesBeforeTheOrderLeavesNothingReserved() {
		String widget = stock("12.50", 10);
		OrderId orderId = OrderId.random();
		UUID cancellation = this.publisher
			.publish(new OrderCancelled(orderId, "c-early", CancellationReason.CUSTOMER_REQUEST));
		awaitProcessed(cancellation);
		UUID lateOrder = this.publisher.publish(order(orderId, "c-early", new OrderLine(widget, 2)));

		awaitProcessed(lateOrder);
		awaitOutboxFlushed(orderId.value());
		assertThat(updates(orderId)).isEmpty();
		assertStock(widget, 10, 0);
	}

	@Test
	void anOrderAndItsCancellationHandledInOneBatchReserveNothing() {
		String widget = stock("12.50", 10);
		OrderId orderId = OrderId.random();
		OrderCreated created = order(orderId, "c-one-batch", new OrderLine(widget, 2));

		// as the inbox applies a batch that holds the cancellation first: one transaction
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.reserving.lockStockFor(
					List.of(new OrderCancelled(orderId, "c-one-batch", CancellationReason.CUSTOMER_REQUEST), created));
			this.reserving.release(orderId, "c-one-batch");
			this.reserving.reserve(created);
		});

		assertThat(this.reservations.findById(orderId.value())).get()
			.extracting(Reservation::status)
			.isEqualTo(ReservationStatus.RELEASED);
		awaitOutboxFlushed(orderId.value());
		assertThat(updates(orderId)).isEmpty();
		assertStock(widget, 10, 0);
	}

	@Test
	void releasesTheReservationWhenTheOrderIsRejected() {
		String widget = stock("12.50", 10);
		OrderId orderId = OrderId.random();
		this.publisher.publish(order(orderId, "c-release", new OrderLine(widget, 3)));
		awaitUpdate(orderId, InventoryStatus.RESERVED);
		assertStock(widget, 10, 3);
		this.publisher.publish(new OrderRejected(orderId, "c-release", RejectionReason.PAYMENT_DECLINED));

		assertThat(awaitUpdate(orderId, InventoryStatus.RELEASED)).isEqualTo(InventoryUpdated.released(orderId,
				"c-release", List.of(new PricedLine(widget, 3, new BigDecimal("12.50")))));
		assertStock(widget, 10, 0);
	}

	@Test
	void cancellingAConfirmedOrderPutsItsUnitsBackInStock() {
		String widget = stock("12.50", 10);
		OrderId orderId = OrderId.random();
		this.publisher.publish(order(orderId, "c-restock", new OrderLine(widget, 4)));
		awaitUpdate(orderId, InventoryStatus.RESERVED);
		this.publisher.publish(new OrderConfirmed(orderId, "c-restock", new BigDecimal("50.00"), "EUR"));
		awaitUpdate(orderId, InventoryStatus.COMMITTED);
		assertStock(widget, 6, 0);
		UUID cancellation = this.publisher
			.publish(new OrderCancelled(orderId, "c-restock", CancellationReason.CUSTOMER_REQUEST));

		assertThat(awaitUpdate(orderId, InventoryStatus.RELEASED).lines())
			.containsExactly(new PricedLine(widget, 4, new BigDecimal("12.50")));
		assertStock(widget, 10, 0);
		this.publisher.publish(new OrderCancelled(orderId, "c-restock", CancellationReason.CUSTOMER_REQUEST),
				cancellation);
		UUID again = this.publisher
			.publish(new OrderCancelled(orderId, "c-restock", CancellationReason.CUSTOMER_REQUEST));
		awaitProcessed(again);
		awaitOutboxFlushed(orderId.value());
		assertThat(updates(orderId)).extracting(InventoryUpdated::status)
			.containsExactly(InventoryStatus.RESERVED, InventoryStatus.COMMITTED, InventoryStatus.RELEASED);
		assertStock(widget, 10, 0);
	}

	@Test
	void deadLettersARecordOfRandomBytesAndKeepsConsumingThePartition() {
		String widget = stock("12.50", 10);
		OrderId orderId = OrderId.random();
		byte[] garbage = new byte[64];
		ThreadLocalRandom.current().nextBytes(garbage);
		this.publisher.publishRaw(Topics.ORDER_CREATED, orderId.toString(), garbage, Map.of());
		this.publisher.publish(order(orderId, "c-poison", new OrderLine(widget, 2)));

		awaitUpdate(orderId, InventoryStatus.RESERVED);
		ConsumerRecord<String, byte[]> dead = awaitDeadLetter(orderId);
		assertDeadLetterOf(dead, recordWithValue(Topics.ORDER_CREATED, orderId.value(), garbage));
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message")).contains("missing header ce_id");
		assertStock(widget, 10, 2);
	}

	@Test
	void deadLettersAnOrderMissingARequiredFieldAndKeepsConsumingThePartition() {
		String widget = stock("12.50", 10);
		OrderId orderId = OrderId.random();
		byte[] itemless = ("{\"orderId\":\"" + orderId + "\",\"customerId\":\"c-itemless\",\"createdAt\":\""
				+ Instant.now() + "\"}")
			.getBytes(StandardCharsets.UTF_8);
		this.publisher.publishRaw(Topics.ORDER_CREATED, orderId.toString(), itemless,
				Map.of(EventHeaders.ID, UUID.randomUUID().toString(), EventHeaders.TYPE, "order.created",
						EventHeaders.TIME, Instant.now().toString()));
		this.publisher.publish(order(orderId, "c-itemless", new OrderLine(widget, 2)));

		awaitUpdate(orderId, InventoryStatus.RESERVED);
		ConsumerRecord<String, byte[]> dead = awaitDeadLetter(orderId);
		assertDeadLetterOf(dead, recordWithValue(Topics.ORDER_CREATED, orderId.value(), itemless));
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message")).contains("items");
		assertStock(widget, 10, 2);
	}

	private ConsumerRecord<String, byte[]> awaitDeadLetter(OrderId orderId) {
		return await().atMost(PATIENCE)
			.until(() -> this.topics.records(Topics.deadLetterOf(Topics.ORDER_CREATED), orderId.value()),
					(found) -> !found.isEmpty())
			.get(0);
	}

	private void assertDeadLetterOf(ConsumerRecord<String, byte[]> dead, ConsumerRecord<String, byte[]> original) {
		assertThat(this.topics.records(Topics.deadLetterOf(Topics.ORDER_CREATED), UUID.fromString(original.key())))
			.hasSize(1);
		assertThat(dead.value()).isEqualTo(original.value());
		assertThat(dead.partition()).isEqualTo(original.partition());
		assertThat(TopicProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.ORDER_CREATED);
		assertThat(intHeader(dead, "kafka_dlt-original-partition")).isEqualTo(original.partition());
		assertThat(longHeader(dead, "kafka_dlt-original-offset")).isEqualTo(original.offset());
		assertThat(TopicProbe.header(dead, "kafka_dlt-original-consumer-group")).isEqualTo("inventory-service");
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-fqcn"))
			.isEqualTo("dev.ordersaga.messaging.kafka.UnreadableEventException");
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-stacktrace"))
			.contains(UnreadableEventException.class.getName());
		assertThat(TopicProbe.header(dead, EventHeaders.ATTEMPTS)).isEqualTo("1");
	}

	private String stock(String unitPrice, int onHand) {
		return stock(unitPrice, "EUR", onHand);
	}

	private String stock(String unitPrice, String currency, int onHand) {
		String sku = "SKU-" + UUID.randomUUID();
		HttpJson.Response created = this.http.put("/products/" + sku, "{\"name\":\"Widget\",\"unitPrice\":" + unitPrice
				+ ",\"currency\":\"" + currency + "\",\"onHand\":" + onHand + "}");
		assertThat(created.status()).isEqualTo(201);
		return sku;
	}

	private void assertStock(String sku, int onHand, int reserved) {
		JsonNode product = this.http.get("/products/" + sku).body();
		assertThat(product.get("onHand").asInt()).as("onHand of %s", sku).isEqualTo(onHand);
		assertThat(product.get("reserved").asInt()).as("reserved of %s", sku).isEqualTo(reserved);
		assertThat(product.get("available").asInt()).as("available of %s", sku).isEqualTo(onHand - reserved);
		assertThat(product.get("received").asInt() - product.get("shipped").asInt()).as("ledger of %s", sku)
			.isEqualTo(onHand);
	}

	private static OrderCreated order(OrderId orderId, String customerId, OrderLine... lines) {
		return new OrderCreated(orderId, customerId, List.of(lines), Instant.now());
	}

	private InventoryUpdated awaitUpdate(OrderId orderId, InventoryStatus status) {
		return await().atMost(PATIENCE)
			.until(() -> updates(orderId).stream().filter((update) -> update.status() == status).findFirst(),
					Optional::isPresent)
			.get();
	}

	private List<InventoryUpdated> updates(OrderId orderId) {
		return this.topics.events(Topics.INVENTORY_UPDATED, orderId.value())
			.stream()
			.map(InventoryUpdated.class::cast)
			.toList();
	}

}
