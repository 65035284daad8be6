package dev.ordersaga.messaging.outbox;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.DeclineReason;
import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.EventType;
import dev.ordersaga.events.InventoryStatus;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.Money;
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
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import dev.ordersaga.messaging.kafka.UnreadableEventException;
import dev.ordersaga.messaging.test.AsyncApiSchemas;
import dev.ordersaga.messaging.tracing.EventTracing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The records the outbox publishes (value, key and headers, built by the relay from what
 * {@link EventCodec} encoded) validate against the AsyncAPI document's schemas, for every
 * event type in every status; and a value the schemas refuse is one the reader refuses
 * too, so the validation is not a formality.
 */
class PublishedEventsMatchSchemasTests {

	private static final OrderId ORDER = OrderId.random();

	private static final List<PricedLine> LINES = List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50")),
			new PricedLine("SKU-2", 1, new BigDecimal("3.00")));

	private static final Money TOTAL = Money.of("28.00", "EUR");

	private final EventCodec codec = new EventCodec();

	private final AsyncApiSchemas schemas = new AsyncApiSchemas();

	private final JsonMapper json = JsonMapper.builder().build();

	static Stream<SagaEvent> published() {
		return Stream.of(
				new OrderCreated(ORDER, "c-1", List.of(new OrderLine("SKU-1", 2), new OrderLine("SKU-2", 1)),
						Instant.parse("2026-11-22T10:00:00.123456Z")),
				InventoryUpdated.reserved(ORDER, "c-1", LINES, "EUR"),
				InventoryUpdated.rejected(ORDER, "c-1", RejectionReason.OUT_OF_STOCK),
				InventoryUpdated.committed(ORDER, "c-1", LINES), InventoryUpdated.released(ORDER, "c-1", LINES),
				PaymentCompleted.charged(ORDER, TOTAL),
				PaymentCompleted.declined(ORDER, TOTAL, DeclineReason.INSUFFICIENT_FUNDS),
				PaymentCompleted.refunded(ORDER, TOTAL), new OrderConfirmed(ORDER, "c-1", TOTAL.amount(), "EUR"),
				new OrderRejected(ORDER, "c-1", RejectionReason.PAYMENT_DECLINED),
				new OrderCancelled(ORDER, "c-1", CancellationReason.CUSTOMER_REQUEST));
	}

	@ParameterizedTest
	@MethodSource("published")
	void theOutboxPublishesWhatTheSchemasDescribe(SagaEvent event) {
		ProducerRecord<String, byte[]> record = published(event);
		String message = event.type();

		assertThat(this.schemas.document().path("channels").path(record.topic()).path("messages").propertyNames())
			.containsExactly(message);
		assertThat(this.schemas.payloadErrors(message, record.value())).isEmpty();
		assertThat(this.schemas.headerErrors(message, record.headers())).isEmpty();
		assertThat(this.schemas.keyErrors(message, record.key())).isEmpty();
	}

	@Test
	void theExamplesCoverEveryEventTypeAndStatus() {
		assertThat(published().map(SagaEvent::type))
			.containsAll(Arrays.stream(EventType.values()).map(EventType::type).toList());
		assertThat(published().flatMap(
				(event) -> (event instanceof InventoryUpdated update) ? Stream.of(update.status()) : Stream.empty()))
			.containsExactlyInAnyOrder(InventoryStatus.values());
		assertThat(published().flatMap(
				(event) -> (event instanceof PaymentCompleted payment) ? Stream.of(payment.status()) : Stream.empty()))
			.containsExactlyInAnyOrder(PaymentStatus.values());
	}

	@Test
	void aReservationWithoutItsTotalIsRefusedByTheSchemaAndTheReader() {
		assertRefusedByBoth(InventoryUpdated.reserved(ORDER, "c-1", LINES, "EUR"),
				(value) -> value.putNull("totalAmount"), "totalAmount");
	}

	@Test
	void aRejectionWithoutItsReasonIsRefusedByTheSchemaAndTheReader() {
		assertRefusedByBoth(InventoryUpdated.rejected(ORDER, "c-1", RejectionReason.UNKNOWN_SKU),
				(value) -> value.putNull("reason"), "reason");
	}

	@Test
	void aDeclineWithoutItsReasonIsRefusedByTheSchemaAndTheReader() {
		assertRefusedByBoth(PaymentCompleted.declined(ORDER, TOTAL, DeclineReason.UNKNOWN_CUSTOMER),
				(value) -> value.putNull("reason"), "reason");
	}

	@Test
	void aMissingNullablePropertyIsRefusedByTheSchemaAndTheReader() {
		assertRefusedByBoth(PaymentCompleted.charged(ORDER, TOTAL), (value) -> {
			value.remove("reason");
			return value;
		}, "reason");
	}

	@Test
	void anUnknownReasonIsRefusedByTheSchemaAndTheReader() {
		assertRefusedByBoth(new OrderRejected(ORDER, "c-1", RejectionReason.TIMEOUT),
				(value) -> value.put("reason", "LOST_IN_THE_POST"), "/reason");
	}

	@Test
	void anOrderWithoutLinesIsRefusedByTheSchemaAndTheReader() {
		assertRefusedByBoth(published().findFirst().orElseThrow(), (value) -> {
			value.putArray("items");
			return value;
		}, "items");
	}

	@Test
	void headersWithoutAnEventIdOrFromAnotherServiceAreRefused() {
		ProducerRecord<String, byte[]> record = published(new OrderRejected(ORDER, "c-1", RejectionReason.TIMEOUT));
		ObjectNode headers = AsyncApiSchemas.textOf(record.headers());

		assertThat(this.schemas.headerErrors("order.rejected", headers.deepCopy().without(EventHeaders.ID)))
			.singleElement()
			.asString()
			.contains(EventHeaders.ID);
		assertThat(this.schemas.headerErrors("order.rejected",
				headers.deepCopy().put(EventHeaders.SOURCE, "payment-service")))
			.isNotEmpty();
		assertThat(this.schemas.headerErrors("order.rejected", headers.deepCopy().put(EventHeaders.ID, "42")))
			.isNotEmpty();
		assertThat(this.schemas.keyErrors("order.rejected", "not-an-order-id")).isNotEmpty();
	}

	/** The record the relay sends for an event its service wrote to the outbox. */
	private ProducerRecord<String, byte[]> published(SagaEvent event) {
		// PostgreSQL keeps the outbox row's time to the microsecond
		Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		OutboxRow row = new OutboxRow(1, UUID.randomUUID(), event.type(), event.orderId().toString(), event.type(),
				this.codec.write(event), EventTracing.none().traceparent(), createdAt);
		return OutboxRelay.toRecord(row, EventType.fromType(event.type()).orElseThrow().producer());
	}

	private void assertRefusedByBoth(SagaEvent event, UnaryOperator<ObjectNode> change, String complaint) {
		ProducerRecord<String, byte[]> published = published(event);
		ObjectNode value = (ObjectNode) this.json.readTree(published.value());
		byte[] changed = this.json.writeValueAsBytes(change.apply(value));

		assertThat(this.schemas.payloadErrors(event.type(), published.value())).isEmpty();
		assertThat(this.schemas.payloadErrors(event.type(), changed)).isNotEmpty()
			.anySatisfy((error) -> assertThat(error).contains(complaint));
		ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(published.topic(), 0, 0, published.key(),
				changed);
		published.headers().forEach((header) -> received.headers().add(header));
		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> this.codec.read(received));
	}

	@Test
	void theReaderTakesWhatTheOutboxPublishes() {
		published().forEach((event) -> {
			ProducerRecord<String, byte[]> published = published(event);
			ConsumerRecord<String, byte[]> received = new ConsumerRecord<>(published.topic(), 0, 0, published.key(),
					published.value());
			published.headers().forEach((header) -> received.headers().add(header));
			ReceivedEvent read = this.codec.read(received);
			assertThat(read.payload()).isEqualTo(event);
			assertThat(read.traceparent()).isEqualTo(new String(
					published.headers().lastHeader(EventHeaders.TRACEPARENT).value(), StandardCharsets.UTF_8));
		});
	}

}
