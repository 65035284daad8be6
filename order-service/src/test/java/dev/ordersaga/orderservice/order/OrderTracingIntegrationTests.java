package dev.ordersaga.orderservice.order;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.PaymentStatus;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.TopicProbe;
import dev.ordersaga.messaging.tracing.EventTracing;
import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace per order, as order-service takes part in it: a client's trace continues
 * through the request into {@code order.created}, and an event that order-service
 * consumes is handled in a span whose parent is the span that wrote it.
 */
class OrderTracingIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	private InMemorySpanExporter spans;

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private LettuceConnectionFactory redis;

	@Test
	void metricsAreScrapedNotPushedOverOtlp() {
		List<MeterRegistry> registries = (this.meters instanceof CompositeMeterRegistry composite)
				? List.copyOf(composite.getRegistries()) : List.of(this.meters);
		assertThat(registries).isNotEmpty()
			.hasAtLeastOneElementOfType(PrometheusMeterRegistry.class)
			.noneMatch((registry) -> registry.getClass().getSimpleName().startsWith("Otlp"));
	}

	@Test
	void aRequestIsObservedOnceNotOncePerSecurityFilter() {
		placeAnOrder();
		assertThat(this.meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(this.meters.getMeters()).extracting((meter) -> meter.getId().getName())
			.noneMatch((name) -> name.startsWith("spring.security."));
	}

	@Test
	void repositoryCallsAreNotTimedOneByOne() {
		placeAnOrder();
		assertThat(this.meters.find("spring.data.repository.invocations").meters()).isEmpty();
	}

	private void placeAnOrder() {
		assertThat(this.http
			.post("/orders", "{\"customerId\":\"c-traced\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}")
			.status()).isEqualTo(201);
	}

	@Test
	void redisCommandsAreNotObservedOneByOne() {
		assertThat(this.redis.getClientResources()).isNotNull()
			.satisfies((resources) -> assertThat(resources.tracing().isEnabled()).isFalse());
	}

	@Test
	void aPlacedOrderJoinsTheClientsTraceAndItsEventIsWrittenInTheRequestsSpan() {
		String clientTrace = hex(32);
		String clientSpan = hex(16);

		HttpJson.Response placed = this.http.post("/orders",
				"{\"customerId\":\"c-traced\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}",
				Map.of(EventHeaders.TRACEPARENT, "00-" + clientTrace + "-" + clientSpan + "-01"));
		assertThat(placed.status()).isEqualTo(201);
		UUID orderId = UUID.fromString(placed.body().get("orderId").asString());

		String writer = spanOf(onlyRecord(Topics.ORDER_CREATED, orderId), clientTrace);
		SpanData written = await().atMost(PATIENCE).until(() -> finished(writer), Optional::isPresent).orElseThrow();
		assertThat(written.getAttributes().get(AttributeKey.stringKey(EventTracing.ORDER_ID_ATTRIBUTE)))
			.isEqualTo(orderId.toString());
		List<SpanData> ancestry = ancestry(written, clientSpan);
		assertThat(ancestry.getLast().getKind()).as("%s", ancestry).isEqualTo(SpanKind.SERVER);
		assertThat(ancestry.getLast().getParentSpanId()).isEqualTo(clientSpan);
	}

	/** The span and its parents, up to the child of {@code root}. */
	private List<SpanData> ancestry(SpanData span, String root) {
		List<SpanData> chain = new ArrayList<>(List.of(span));
		while (!chain.getLast().getParentSpanId().equals(root)) {
			String parent = chain.getLast().getParentSpanId();
			chain.add(await().atMost(PATIENCE).until(() -> finished(parent), Optional::isPresent).orElseThrow());
		}
		return chain;
	}

	@Test
	void aConsumedEventIsHandledInTheChildOfTheSpanThatWroteItAndTheDecisionInThatChild() {
		UUID orderId = UUID.fromString(this.http
			.post("/orders", "{\"customerId\":\"c-traced\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}")
			.body()
			.get("orderId")
			.asString());
		OrderId id = new OrderId(orderId);
		String paymentTrace = hex(32);
		String paymentSpan = hex(16);
		this.publisher.publish(InventoryUpdated.reserved(id, "c-traced",
				List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50"))), "EUR"));
		this.publisher.publishTraced(
				new PaymentCompleted(id, PaymentStatus.CHARGED, new BigDecimal("25.00"), "EUR", null),
				"00-" + paymentTrace + "-" + paymentSpan + "-01");

		String writer = spanOf(onlyRecord(Topics.ORDER_CONFIRMED, orderId), paymentTrace);
		SpanData handling = await().atMost(PATIENCE).until(() -> finished(writer), Optional::isPresent).orElseThrow();
		assertThat(handling.getKind()).isEqualTo(SpanKind.CONSUMER);
		assertThat(handling.getName()).isEqualTo(Topics.PAYMENT_COMPLETED + " process");
		assertThat(handling.getParentSpanId()).isEqualTo(paymentSpan);
		assertThat(handling.getAttributes().get(AttributeKey.stringKey(EventTracing.ORDER_ID_ATTRIBUTE)))
			.isEqualTo(orderId.toString());
	}

	private ConsumerRecord<String, byte[]> onlyRecord(String topic, UUID orderId) {
		return await().atMost(PATIENCE)
			.until(() -> this.topics.records(topic, orderId), (found) -> found.size() == 1)
			.get(0);
	}

	/** The span a record was written in: its traceparent's, in the expected trace. */
	private static String spanOf(ConsumerRecord<String, byte[]> record, String trace) {
		String traceparent = TopicProbe.header(record, EventHeaders.TRACEPARENT);
		assertThat(traceparent).matches("00-" + trace + "-[0-9a-f]{16}-01");
		return traceparent.substring(36, 52);
	}

	private Optional<SpanData> finished(String spanId) {
		return this.spans.getFinishedSpanItems().stream().filter((span) -> span.getSpanId().equals(spanId)).findFirst();
	}

	private static String hex(int digits) {
		return UUID.randomUUID().toString().replace("-", "").substring(0, digits);
	}

}
