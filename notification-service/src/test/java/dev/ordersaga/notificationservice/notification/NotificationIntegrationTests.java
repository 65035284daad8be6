package dev.ordersaga.notificationservice.notification;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.TopicProbe;
import dev.ordersaga.notificationservice.NotificationServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The notification-service in the saga, with order-service played over real Kafka. */
class NotificationIntegrationTests extends NotificationServiceIntegrationTest {

	@Autowired
	private NotifyingCustomers notifying;

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Test
	void aConfirmedOrderIsNotifiedOnceEvenWhenItsEventIsRedeliveredOrProducedAgain() {
		OrderId orderId = OrderId.random();
		String customerId = customerId();
		OrderConfirmed confirmed = new OrderConfirmed(orderId, customerId, new BigDecimal("25.00"), "EUR");
		UUID eventId = this.publisher.publish(confirmed);
		this.publisher.publish(confirmed, eventId);
		UUID producedAgain = this.publisher.publish(confirmed);

		awaitProcessed(producedAgain);
		assertThat(notificationsOf(orderId)).singleElement().satisfies((notification) -> {
			assertThat(notification.get("kind").asString()).isEqualTo("ORDER_CONFIRMED");
			assertThat(notification.get("customerId").asString()).isEqualTo(customerId);
			assertThat(notification.get("message").asString()).contains(orderId.toString()).contains("25.00 EUR");
		});
	}

	@Test
	void oneBatchThatHoldsTheSameOutcomeTwiceNotifiesItOnce() {
		OrderId orderId = OrderId.random();
		OrderConfirmed confirmed = new OrderConfirmed(orderId, customerId(), new BigDecimal("25.00"), "EUR");
		// as the inbox hands over a batch: the batch first, then its events, in one
		// transaction
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> {
			this.notifying.beforeBatch(List.of(confirmed, confirmed));
			this.notifying.orderConfirmed(confirmed);
			this.notifying.orderConfirmed(confirmed);
		});

		assertThat(notificationsOf(orderId)).singleElement()
			.satisfies((notification) -> assertThat(notification.get("kind").asString()).isEqualTo("ORDER_CONFIRMED"));
	}

	@Test
	void aRejectionTellsTheCustomerWhy() {
		OrderId orderId = OrderId.random();
		String customerId = customerId();
		this.publisher.publish(new OrderRejected(orderId, customerId, RejectionReason.OUT_OF_STOCK));

		JsonNode notification = awaitNotifications(orderId, 1).get(0);
		assertThat(notification.get("kind").asString()).isEqualTo("ORDER_REJECTED");
		assertThat(notification.get("customerId").asString()).isEqualTo(customerId);
		assertThat(notification.get("message").asString()).contains("OUT_OF_STOCK");
	}

	@Test
	void aConfirmedOrderThatIsLaterCancelledIsNotifiedOfBoth() {
		OrderId orderId = OrderId.random();
		String customerId = customerId();
		this.publisher.publish(new OrderConfirmed(orderId, customerId, new BigDecimal("40.00"), "EUR"));
		awaitNotifications(orderId, 1);
		this.publisher.publish(new OrderCancelled(orderId, customerId, CancellationReason.CUSTOMER_REQUEST));

		assertThat(awaitNotifications(orderId, 2)).extracting((notification) -> notification.get("kind").asString())
			.containsExactly("ORDER_CONFIRMED", "ORDER_CANCELLED");
	}

	@Test
	void listsACustomersNotificationsAcrossOrders() {
		String customerId = customerId();
		OrderId confirmed = OrderId.random();
		OrderId rejected = OrderId.random();
		this.publisher.publish(new OrderConfirmed(confirmed, customerId, new BigDecimal("12.50"), "EUR"));
		this.publisher.publish(new OrderRejected(rejected, customerId, RejectionReason.PAYMENT_DECLINED));
		this.publisher.publish(new OrderConfirmed(OrderId.random(), customerId(), new BigDecimal("12.50"), "EUR"));

		await().atMost(PATIENCE).untilAsserted(() -> {
			assertThat(this.http.everyItem("/notifications?customerId=" + customerId, "notifications")
				.stream()
				.map((notification) -> notification.get("orderId").asString()))
				.containsExactlyInAnyOrder(confirmed.toString(), rejected.toString());
		});
	}

	@Test
	void anUnreadableRecordIsDeadLetteredAndTheNextEventIsStillNotified() {
		OrderId orderId = OrderId.random();
		byte[] garbage = new byte[64];
		ThreadLocalRandom.current().nextBytes(garbage);
		this.publisher.publishRaw(Topics.ORDER_CONFIRMED, orderId.toString(), garbage,
				Map.of(EventHeaders.ID, UUID.randomUUID().toString(), EventHeaders.TYPE, "order.confirmed",
						EventHeaders.SOURCE, "test", EventHeaders.SPEC_VERSION, EventHeaders.CLOUDEVENTS_VERSION,
						EventHeaders.TIME, Instant.now().toString(), EventHeaders.CONTENT_TYPE, EventHeaders.JSON));
		this.publisher.publish(new OrderConfirmed(orderId, customerId(), new BigDecimal("9.99"), "EUR"));

		assertThat(awaitNotifications(orderId, 1).get(0).get("kind").asString()).isEqualTo("ORDER_CONFIRMED");
		ConsumerRecord<String, byte[]> original = this.topics.records(Topics.ORDER_CONFIRMED, orderId.value()).get(0);
		ConsumerRecord<String, byte[]> dead = await().atMost(PATIENCE)
			.until(() -> this.topics.records(Topics.deadLetterOf(Topics.ORDER_CONFIRMED), orderId.value()),
					(records) -> !records.isEmpty())
			.get(0);
		assertThat(dead.value()).isEqualTo(garbage);
		assertThat(dead.partition()).isEqualTo(original.partition());
		assertThat(TopicProbe.header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(Topics.ORDER_CONFIRMED);
		assertThat(ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION).value()).getInt())
			.isEqualTo(original.partition());
		assertThat(ByteBuffer.wrap(dead.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value()).getLong())
			.isEqualTo(original.offset());
		assertThat(TopicProbe.header(dead, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("notification-service");
		assertThat(TopicProbe.header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN))
			.isEqualTo("dev.ordersaga.messaging.kafka.UnreadableEventException");
		assertThat(TopicProbe.header(dead, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("order.confirmed");
		assertThat(TopicProbe.header(dead, EventHeaders.ATTEMPTS)).isEqualTo("1");
	}

	@Test
	void aCustomersNotificationsComeOldestFirstPageByPage() {
		String customerId = customerId();
		List<String> orders = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			OrderId orderId = OrderId.random();
			orders.add(orderId.toString());
			awaitProcessed(
					this.publisher.publish(new OrderConfirmed(orderId, customerId, new BigDecimal("1.00"), "EUR")));
		}
		JsonNode first = this.http.get("/notifications?customerId=" + customerId + "&limit=2").body();
		JsonNode second = this.http
			.get("/notifications?customerId=" + customerId + "&limit=2&after=" + first.get("next").asString())
			.body();
		assertThat(first.get("notifications").valueStream().map((n) -> n.get("orderId").asString()))
			.containsExactlyElementsOf(orders.subList(0, 2));
		assertThat(second.get("notifications").valueStream().map((n) -> n.get("orderId").asString()))
			.containsExactly(orders.get(2));
		assertThat(second.get("next").isNull()).isTrue();
	}

	private List<JsonNode> notificationsOf(OrderId orderId) {
		return this.http.everyItem("/notifications?orderId=" + orderId, "notifications");
	}

	private List<JsonNode> awaitNotifications(OrderId orderId, int count) {
		return await().atMost(PATIENCE).until(() -> notificationsOf(orderId), (found) -> found.size() >= count);
	}

	private static String customerId() {
		return "c-" + UUID.randomUUID();
	}

}
