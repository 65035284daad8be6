package dev.ordersaga.paymentservice.payment;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.DeclineReason;
import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.PaymentStatus;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.events.Services;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.UnreadableEventException;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.TopicProbe;
import dev.ordersaga.paymentservice.PaymentServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment-service in the saga, with order-service and inventory played over real
 * Kafka.
 */
class PaymentIntegrationTests extends PaymentServiceIntegrationTest {

	@Autowired
	private ChargingPayment charging;

	@Autowired
	private PlatformTransactionManager transactions;

	@Test
	void chargesTheReservedTotal() {
		String customer = openAccount("100.00");
		OrderId orderId = OrderId.random();
		this.publisher.publish(reservation(orderId, customer));

		PaymentCompleted charged = awaitPayment(orderId, PaymentStatus.CHARGED);
		assertThat(charged.amount()).isEqualByComparingTo("25.00");
		assertThat(charged.currency()).isEqualTo("EUR");
		assertThat(charged.reason()).isNull();
		assertThat(balance(customer)).isEqualByComparingTo("75.00");
		JsonNode payment = onlyPayment(orderId);
		assertThat(payment.get("status").asString()).isEqualTo("CHARGED");
		assertThat(payment.get("customerId").asString()).isEqualTo(customer);
		assertThat(payment.get("amount").decimalValue()).isEqualByComparingTo("25.00");
		assertThat(payment.get("currency").asString()).isEqualTo("EUR");
		assertThat(this.http.everyItem("/payments?customerId=" + customer, "payments")
			.stream()
			.map((listed) -> listed.get("orderId").asString())).containsExactly(orderId.toString());
	}

	@Test
	void publishesThePaymentWithCloudEventsHeaders() {
		String customer = openAccount("100.00");
		OrderId orderId = OrderId.random();
		// the event as order-service wrote it, in the span 00f067aa0ba902b7 of a trace
		String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
		this.publisher.publishTraced(reservation(orderId, customer), "00-" + trace + "-00f067aa0ba902b7-01");
		awaitPayment(orderId, PaymentStatus.CHARGED);

		ConsumerRecord<String, byte[]> record = this.topics.records(Topics.PAYMENT_COMPLETED, orderId.value()).get(0);
		assertThat(UUID.fromString(TopicProbe.header(record, EventHeaders.ID))).isNotNull();
		assertThat(TopicProbe.header(record, EventHeaders.TYPE)).isEqualTo("payment.completed");
		assertThat(TopicProbe.header(record, EventHeaders.SOURCE)).isEqualTo("payment-service");
		assertThat(TopicProbe.header(record, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
		assertThat(TopicProbe.header(record, EventHeaders.CONTENT_TYPE)).isEqualTo("application/json");
		// written in the span that handled the event: the same trace, a span of its own
		assertThat(TopicProbe.header(record, EventHeaders.TRACEPARENT)).matches("00-" + trace + "-[0-9a-f]{16}-01")
			.doesNotContain("00f067aa0ba902b7");
	}

	@Test
	void declinesWhenFundsAreShortAndLeavesTheBalance() {
		String customer = openAccount("20.00");
		OrderId orderId = OrderId.random();
		this.publisher.publish(reservation(orderId, customer));

		PaymentCompleted declined = awaitPayment(orderId, PaymentStatus.DECLINED);
		assertThat(declined.reason()).isEqualTo(DeclineReason.INSUFFICIENT_FUNDS);
		assertThat(declined.amount()).isEqualByComparingTo("25.00");
		assertThat(balance(customer)).isEqualByComparingTo("20.00");
		JsonNode payment = onlyPayment(orderId);
		assertThat(payment.get("status").asString()).isEqualTo("DECLINED");
		assertThat(payment.get("reason").asString()).isEqualTo("INSUFFICIENT_FUNDS");
	}

	@Test
	void declinesAChargeInAnotherCurrencyThanTheAccountsAndLeavesTheBalance() {
		String customer = openAccount("1000.00");
		OrderId orderId = OrderId.random();
		this.publisher.publish(reservation(orderId, customer, "USD"));

		PaymentCompleted declined = awaitPayment(orderId, PaymentStatus.DECLINED);
		assertThat(declined.reason()).isEqualTo(DeclineReason.CURRENCY_MISMATCH);
		assertThat(declined.amount()).isEqualByComparingTo("25.00");
		assertThat(declined.currency()).isEqualTo("USD");
		assertThat(balance(customer)).isEqualByComparingTo("1000.00");
		JsonNode payment = onlyPayment(orderId);
		assertThat(payment.get("status").asString()).isEqualTo("DECLINED");
		assertThat(payment.get("reason").asString()).isEqualTo("CURRENCY_MISMATCH");
		assertThat(payment.get("currency").asString()).isEqualTo("USD");
	}

	@Test
	void declinesACustomerWithoutAnAccount() {
		String stranger = "c-" + UUID.randomUUID();
		OrderId orderId = OrderId.random();
		this.publisher.publish(reservation(orderId, stranger));

		assertThat(awaitPayment(orderId, PaymentStatus.DECLINED).reason()).isEqualTo(DeclineReason.UNKNOWN_CUSTOMER);
		JsonNode payment = onlyPayment(orderId);
		assertThat(payment.get("status").asString()).isEqualTo("DECLINED");
		assertThat(payment.get("reason").asString()).isEqualTo("UNKNOWN_CUSTOMER");
		assertThat(this.http.get("/accounts/" + stranger).status()).isEqualTo(404);
	}

	@Test
	void chargesARedeliveredOrReproducedReservationOnce() {
		String customer = openAccount("100.00");
		OrderId orderId = OrderId.random();
		UUID first = this.publisher.publish(reservation(orderId, customer));
		this.publisher.publish(reservation(orderId, customer), first);
		UUID reproduced = this.publisher.publish(reservation(orderId, customer));

		awaitProcessed(first, reproduced);
		awaitOutboxFlushed(orderId.value());
		assertThat(payments(orderId)).extracting(PaymentCompleted::status).containsExactly(PaymentStatus.CHARGED);
		assertThat(balance(customer)).isEqualByComparingTo("75.00");
	}

	@Test
	void refundsAChargeOnceWhenTheOrderIsRejectedEvenIfTheRejectionIsRedelivered() {
		String customer = openAccount("100.00");
		OrderId orderId = OrderId.random();
		this.publisher.publish(reservation(orderId, customer));
		awaitPayment(orderId, PaymentStatus.CHARGED);
		OrderRejected rejected = new OrderRejected(orderId, customer, RejectionReason.TIMEOUT);
		UUID rejection = this.publisher.publish(rejected);
		this.publisher.publish(rejected, rejection);
		UUID reproduced = this.publisher.publish(rejected);

		awaitProcessed(rejection, reproduced);
		awaitOutboxFlushed(orderId.value());
		assertThat(payments(orderId)).extracting(PaymentCompleted::status)
			.containsExactly(PaymentStatus.CHARGED, PaymentStatus.REFUNDED);
		assertThat(payments(orderId).get(1).amount()).isEqualByComparingTo("25.00");
		assertThat(balance(customer)).isEqualByComparingTo("100.00");
		assertThat(onlyPayment(orderId).get("status").asString()).isEqualTo("REFUNDED");
	}

	@Test
	void refundsAChargeWhenTheOrderIsCancelled() {
		String customer = openAccount("100.00");
		OrderId orderId = OrderId.random();
		this.publisher.publish(reservation(orderId, customer));
		awaitPayment(orderId, PaymentStatus.CHARGED);
		assertThat(balance(customer)).isEqualByComparingTo("75.00");
		this.publisher.publish(new OrderCancelled(orderId, customer, CancellationReason.CUSTOMER_REQUEST));

		PaymentCompleted refunded = awaitPayment(orderId, PaymentStatus.REFUNDED);
		assertThat(refunded.amount()).isEqualByComparingTo("25.00");
		assertThat(refunded.currency()).isEqualTo("EUR");
		assertThat(balance(customer)).isEqualByComparingTo("100.00");
	}

	@Test
	void aRejectionBeforeTheReservationMeansTheLateReservationIsNeverCharged() {
		String customer = openAccount("100.00");
		OrderId orderId = OrderId.random();
		UUID rejection = this.publisher.publish(new OrderRejected(orderId, customer, RejectionReason.TIMEOUT));
		awaitProcessed(rejection);
		UUID lateReservation = this.publisher.publish(reservation(orderId, customer));

		awaitProcessed(lateReservation);
		awaitOutboxFlushed(orderId.value());
		assertThat(payments(orderId)).isEmpty();
		assertThat(this.http.everyItem("/payments?orderId=" + orderId, "payments")).isEmpty();
		assertThat(balance(customer)).isEqualByComparingTo("100.00");
	}

	@Test
	void aReservationAndItsRejectionHandledInOneBatchChargeNothing() {
		String customer = openAccount("100.00");
		OrderId orderId = OrderId.random();
		InventoryUpdated reserved = reservation(orderId, customer);

		// as the inbox applies a batch that holds the rejection first: one transaction
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.charging
				.lockAccountsFor(List.of(new OrderRejected(orderId, customer, RejectionReason.TIMEOUT), reserved));
			this.charging.refund(orderId, customer);
			this.charging.charge(reserved);
		});

		awaitOutboxFlushed(orderId.value());
		assertThat(payments(orderId)).isEmpty();
		assertThat(this.http.everyItem("/payments?orderId=" + orderId, "payments")).isEmpty();
		assertThat(balance(customer)).isEqualByComparingTo("100.00");
	}

	@Test
	void deadLettersAReservationOfRandomBytesAndKeepsConsumingThePartition() {
		String customer = openAccount("100.00");
		OrderId orderId = OrderId.random();
		byte[] garbage = new byte[64];
		ThreadLocalRandom.current().nextBytes(garbage);
		this.publisher.publishRaw(Topics.INVENTORY_UPDATED, orderId.toString(), garbage, cloudEventHeaders());
		this.publisher.publish(reservation(orderId, customer));

		awaitPayment(orderId, PaymentStatus.CHARGED);
		ConsumerRecord<String, byte[]> dead = awaitDeadLetter(orderId);
		assertDeadLetterOf(dead, recordWithValue(Topics.INVENTORY_UPDATED, orderId.value(), garbage));
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message"))
			.contains("not a valid inventory.updated event");
		assertThat(balance(customer)).isEqualByComparingTo("75.00");
	}

	@Test
	void deadLettersAReservationThatDidNotComeFromInventoryAndChargesNothing() {
		String customer = openAccount("100.00");
		OrderId orderId = OrderId.random();
		byte[] forged = new EventCodec().write(reservation(orderId, customer));
		Map<String, String> headers = new HashMap<>(cloudEventHeaders());
		headers.put(EventHeaders.SOURCE, Services.ORDER);
		this.publisher.publishRaw(Topics.INVENTORY_UPDATED, orderId.toString(), forged, headers);
		OrderId next = OrderId.random();
		this.publisher.publish(reservation(next, customer));

		awaitPayment(next, PaymentStatus.CHARGED);
		ConsumerRecord<String, byte[]> dead = awaitDeadLetter(orderId);
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message"))
			.isEqualTo("inventory.updated events come from inventory-service, not from 'order-service'");
		assertThat(payments(orderId)).isEmpty();
		assertThat(balance(customer)).isEqualByComparingTo("75.00");
	}

	@Test
	void deadLettersAPaymentEventProducedOntoTheReservationsTopic() {
		String customer = openAccount("100.00");
		OrderId orderId = OrderId.random();
		byte[] misplaced = new EventCodec()
			.write(new PaymentCompleted(orderId, PaymentStatus.CHARGED, new BigDecimal("25.00"), "EUR", null));
		this.publisher.publishRaw(Topics.INVENTORY_UPDATED, orderId.toString(), misplaced,
				Map.of(EventHeaders.ID, UUID.randomUUID().toString(), EventHeaders.TYPE, Topics.PAYMENT_COMPLETED,
						EventHeaders.SOURCE, Services.PAYMENT, EventHeaders.TIME, Instant.now().toString()));

		ConsumerRecord<String, byte[]> dead = awaitDeadLetter(orderId);
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message"))
			.isEqualTo("a payment.completed event does not belong on topic inventory.updated");
		assertThat(payments(orderId)).isEmpty();
		assertThat(balance(customer)).isEqualByComparingTo("100.00");
	}

	@Test
	void deadLettersAReservationMissingARequiredFieldAndKeepsConsumingThePartition() {
		String customer = openAccount("100.00");
		OrderId orderId = OrderId.random();
		byte[] anonymous = ("{\"orderId\":\"" + orderId + "\",\"status\":\"RESERVED\",\"reason\":null,"
				+ "\"lines\":[{\"sku\":\"SKU-1\",\"quantity\":2,\"unitPrice\":12.50}],"
				+ "\"totalAmount\":25.00,\"currency\":\"EUR\"}")
			.getBytes(StandardCharsets.UTF_8);
		this.publisher.publishRaw(Topics.INVENTORY_UPDATED, orderId.toString(), anonymous, cloudEventHeaders());
		this.publisher.publish(reservation(orderId, customer));

		awaitPayment(orderId, PaymentStatus.CHARGED);
		ConsumerRecord<String, byte[]> dead = awaitDeadLetter(orderId);
		assertDeadLetterOf(dead, recordWithValue(Topics.INVENTORY_UPDATED, orderId.value(), anonymous));
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-message")).contains("customerId");
		assertThat(balance(customer)).isEqualByComparingTo("75.00");
	}

	@Test
	void listsEveryPaymentButNotTheVoidMarkers() {
		String customer = openAccount("100.00");
		OrderId charged = OrderId.random();
		OrderId voided = OrderId.random();
		this.publisher.publish(reservation(charged, customer));
		UUID rejection = this.publisher.publish(new OrderRejected(voided, customer, RejectionReason.TIMEOUT));
		awaitPayment(charged, PaymentStatus.CHARGED);
		awaitProcessed(rejection);
		await().atMost(PATIENCE).untilAsserted(() -> {
			List<String> listed = this.http.everyItem("/payments", "payments")
				.stream()
				.map((payment) -> payment.get("orderId").asString())
				.toList();
			assertThat(listed).contains(charged.toString()).doesNotContain(voided.toString());
		});
		assertThat(this.http.get("/payments?orderId=not-a-uuid").status()).isEqualTo(400);
	}

	private static Map<String, String> cloudEventHeaders() {
		return Map.of(EventHeaders.ID, UUID.randomUUID().toString(), EventHeaders.TYPE, "inventory.updated",
				EventHeaders.TIME, Instant.now().toString());
	}

	private ConsumerRecord<String, byte[]> awaitDeadLetter(OrderId orderId) {
		return await().atMost(PATIENCE)
			.until(() -> this.topics.records(Topics.deadLetterOf(Topics.INVENTORY_UPDATED), orderId.value()),
					(found) -> !found.isEmpty())
			.get(0);
	}

	private void assertDeadLetterOf(ConsumerRecord<String, byte[]> dead, ConsumerRecord<String, byte[]> original) {
		assertThat(this.topics.records(Topics.deadLetterOf(Topics.INVENTORY_UPDATED), UUID.fromString(original.key())))
			.hasSize(1);
		assertThat(dead.value()).isEqualTo(original.value());
		assertThat(dead.partition()).isEqualTo(original.partition());
		assertThat(TopicProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.INVENTORY_UPDATED);
		assertThat(intHeader(dead, "kafka_dlt-original-partition")).isEqualTo(original.partition());
		assertThat(longHeader(dead, "kafka_dlt-original-offset")).isEqualTo(original.offset());
		assertThat(TopicProbe.header(dead, "kafka_dlt-original-consumer-group")).isEqualTo("payment-service");
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-fqcn"))
			.isEqualTo("dev.ordersaga.messaging.kafka.UnreadableEventException");
		assertThat(TopicProbe.header(dead, "kafka_dlt-exception-stacktrace"))
			.contains(UnreadableEventException.class.getName());
		assertThat(TopicProbe.header(dead, EventHeaders.ATTEMPTS)).isEqualTo("1");
	}

	private String openAccount(String balance) {
		String customer = "c-" + UUID.randomUUID();
		HttpJson.Response opened = this.http.put("/accounts/" + customer,
				"{\"balance\":" + balance + ",\"currency\":\"EUR\"}");
		assertThat(opened.status()).isEqualTo(201);
		return customer;
	}

	private BigDecimal balance(String customer) {
		return this.http.get("/accounts/" + customer).body().get("balance").decimalValue();
	}

	private JsonNode onlyPayment(OrderId orderId) {
		List<JsonNode> payments = this.http.everyItem("/payments?orderId=" + orderId, "payments");
		assertThat(payments).as("payments of %s", orderId).hasSize(1);
		return payments.get(0);
	}

	/** A reservation of two units at 12.50: 25.00 EUR to charge. */
	private static InventoryUpdated reservation(OrderId orderId, String customer) {
		return reservation(orderId, customer, "EUR");
	}

	/** A reservation of two units at 12.50: 25.00 to charge, in {@code currency}. */
	private static InventoryUpdated reservation(OrderId orderId, String customer, String currency) {
		return InventoryUpdated.reserved(orderId, customer,
				List.of(new PricedLine("SKU-" + orderId, 2, new BigDecimal("12.50"))), currency);
	}

	private PaymentCompleted awaitPayment(OrderId orderId, PaymentStatus status) {
		return await().atMost(PATIENCE)
			.until(() -> payments(orderId).stream().filter((payment) -> payment.status() == status).findFirst(),
					Optional::isPresent)
			.get();
	}

	private List<PaymentCompleted> payments(OrderId orderId) {
		return this.topics.events(Topics.PAYMENT_COMPLETED, orderId.value())
			.stream()
			.map(PaymentCompleted.class::cast)
			.toList();
	}

}
