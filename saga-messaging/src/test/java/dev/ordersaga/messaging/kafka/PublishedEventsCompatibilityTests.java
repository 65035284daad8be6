package dev.ordersaga.messaging.kafka;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.DeclineReason;
import dev.ordersaga.events.EventType;
import dev.ordersaga.events.InventoryStatus;
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
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.test.AsyncApiSchemas;
import dev.ordersaga.messaging.test.PublishedSamples;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Events as they were published still decode, with the reader every service uses
 * ({@link EventCodec#read}), into exactly the values they were published with; and they
 * still match the AsyncAPI document's schemas.
 * <p>
 * The samples in {@code src/test/resources/compat/} are records as the outbox relay
 * published them (topic, key, headers, and the value's exact bytes as text), written once
 * from the encoder of their day and reviewed by eye. They are never edited, only added:
 * when an event changes shape, its records of the old shape are still on the topics (and
 * come back in replays and redrives), so the old sample stays and must still decode, and
 * a sample of the new shape is added beside it ({@code <type>.v2.json}) with its expected
 * values here. A change that breaks an old sample breaks the readers of records already
 * published. Note that adding a property to an event record, even a {@code @Nullable}
 * one, breaks every old sample of it: the reader needs every property present
 * ({@code FAIL_ON_MISSING_CREATOR_PROPERTIES}).
 */
class PublishedEventsCompatibilityTests {

	private static final String SAMPLES = "compat/";

	private static final OrderId CANCELLED_AFTER_CONFIRMING = OrderId.of("c8289415-6870-4988-a1d2-4e4879487fe6");

	private static final OrderId OUT_OF_STOCK = OrderId.of("b385640f-f5a6-4108-b371-4095fcd007b8");

	private static final OrderId DECLINED = OrderId.of("cb7da9f7-592a-4974-b0bb-4edb895aa510");

	private static final List<PricedLine> PRICED_LINES = List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50")),
			new PricedLine("SKU-2", 1, new BigDecimal("3.00")));

	/** What each sample was published with: its ce_id, its ce_time and its event. */
	private static final Map<String, Published> EXPECTED = Map.ofEntries(
			published("order.created.v1.json", "ca0a2662-6e25-4d3b-9275-f203d898dd0c", "2026-11-22T10:00:00.123456Z",
					new OrderCreated(CANCELLED_AFTER_CONFIRMING, "c-1",
							List.of(new OrderLine("SKU-1", 2), new OrderLine("SKU-2", 1)),
							Instant.parse("2026-11-22T10:00:00.123456Z"))),
			published("inventory.updated.reserved.v1.json", "c4717173-8856-4efd-b327-aaf20c6eb7d2",
					"2026-11-22T10:00:00.131207Z",
					new InventoryUpdated(CANCELLED_AFTER_CONFIRMING, "c-1", InventoryStatus.RESERVED, null,
							PRICED_LINES, new BigDecimal("28.00"), "EUR")),
			published("payment.completed.charged.v1.json", "98af526f-5cb2-4cac-9781-d1c6ef169b7e",
					"2026-11-22T10:00:00.140918Z",
					new PaymentCompleted(CANCELLED_AFTER_CONFIRMING, PaymentStatus.CHARGED, new BigDecimal("28.00"),
							"EUR", null)),
			published("order.confirmed.v1.json", "dc55ea1a-c6da-4e4c-8dfb-5aa588a2b054", "2026-11-22T10:00:00.147322Z",
					new OrderConfirmed(CANCELLED_AFTER_CONFIRMING, "c-1", new BigDecimal("28.00"), "EUR")),
			published("inventory.updated.committed.v1.json", "42e4d008-d4c7-46ae-ae1e-bdef618da94a",
					"2026-11-22T10:00:00.155560Z",
					new InventoryUpdated(CANCELLED_AFTER_CONFIRMING, "c-1", InventoryStatus.COMMITTED, null,
							PRICED_LINES, null, null)),
			published("order.cancelled.v1.json", "7bf3683d-411e-4444-a0ad-05726f6a62ee", "2026-11-22T10:05:12.004410Z",
					new OrderCancelled(CANCELLED_AFTER_CONFIRMING, "c-1", CancellationReason.CUSTOMER_REQUEST)),
			published("inventory.updated.released.v1.json", "dac196ef-be5c-4f21-8c45-9320c4c7d41b",
					"2026-11-22T10:05:12.013876Z",
					new InventoryUpdated(CANCELLED_AFTER_CONFIRMING, "c-1", InventoryStatus.RELEASED, null,
							PRICED_LINES, null, null)),
			published("payment.completed.refunded.v1.json", "884cd605-1d32-44b9-932f-2def157e9a53",
					"2026-11-22T10:05:12.015001Z",
					new PaymentCompleted(CANCELLED_AFTER_CONFIRMING, PaymentStatus.REFUNDED, new BigDecimal("28.00"),
							"EUR", null)),
			published("inventory.updated.rejected.v1.json", "bce6da3a-b1ee-4731-a7ee-dec6200d779f",
					"2026-11-22T10:01:30.500Z",
					new InventoryUpdated(OUT_OF_STOCK, "c-2", InventoryStatus.REJECTED, RejectionReason.OUT_OF_STOCK,
							List.of(), null, null)),
			published("order.rejected.v1.json", "7d0183e9-e1f5-4c89-888e-df637aaafac1", "2026-11-22T10:01:30.508250Z",
					new OrderRejected(OUT_OF_STOCK, "c-2", RejectionReason.OUT_OF_STOCK)),
			published("payment.completed.declined.v1.json", "1276d54b-4f57-4388-bbe6-c7f91bab3752",
					"2026-11-22T10:02:45.250013Z", new PaymentCompleted(DECLINED, PaymentStatus.DECLINED,
							new BigDecimal("310.00"), "EUR", DeclineReason.INSUFFICIENT_FUNDS)));

	private final EventCodec codec = new EventCodec();

	private final AsyncApiSchemas schemas = new AsyncApiSchemas();

	private static JsonNode sample(String name) {
		return PublishedSamples.sample(SAMPLES + name);
	}

	static Stream<Arguments> samples() {
		return EXPECTED.keySet().stream().sorted().map((name) -> argumentSet(name, name));
	}

	@ParameterizedTest
	@MethodSource("samples")
	void aPublishedEventStillDecodesToWhatWasPublished(String name) {
		Published expected = EXPECTED.get(name);
		ConsumerRecord<String, byte[]> record = PublishedSamples.record(sample(name));

		ReceivedEvent received = this.codec.read(record);

		assertThat(received.payload()).isEqualTo(expected.event());
		assertThat(received.id()).isEqualTo(expected.id());
		assertThat(received.time()).isEqualTo(expected.time());
		assertThat(received.topic()).isEqualTo(expected.event().type());
		// the consumer's span continues the trace the sample was written in
		assertThat(received.traceparent()).isEqualTo(sample(name).path("headers").path("traceparent").asString());
	}

	@ParameterizedTest
	@MethodSource("samples")
	void aPublishedEventStillMatchesTheSchemas(String name) {
		JsonNode sample = sample(name);
		String type = sample.path("headers").path("ce_type").asString();

		assertThat(this.schemas.payloadErrors(type, PublishedSamples.value(sample))).isEmpty();
		assertThat(this.schemas.headerErrors(type, sample.path("headers"))).isEmpty();
		assertThat(this.schemas.keyErrors(type, sample.path("key").asString())).isEmpty();
	}

	@Test
	void everySampleHasItsExpectedValuesAndEveryEventTypeASample() throws IOException, URISyntaxException {
		Path samples = Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource(SAMPLES)).toURI());
		try (Stream<Path> files = Files.list(samples)) {
			assertThat(files.filter(Files::isRegularFile).map((file) -> file.getFileName().toString()))
				.containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
		}
		assertThat(EXPECTED.values().stream().map((published) -> published.event().type()))
			.containsAll(Arrays.stream(EventType.values()).map(EventType::type).toList());
		assertThat(EXPECTED).allSatisfy((name, published) -> assertThat(name).startsWith(published.event().type()));
	}

	private static Map.Entry<String, Published> published(String sample, String id, String time, SagaEvent event) {
		return Map.entry(sample, new Published(UUID.fromString(id), Instant.parse(time), event));
	}

	private record Published(UUID id, Instant time, SagaEvent event) {
	}

}
