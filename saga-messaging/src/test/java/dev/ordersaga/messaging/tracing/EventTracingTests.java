package dev.ordersaga.messaging.tracing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EventTracingTests {

	private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

	private static final String WRITER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String WRITER_SPAN = "00f067aa0ba902b7";

	private final InMemorySpanExporter spans = InMemorySpanExporter.create();

	private final SdkTracerProvider provider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(this.spans))
		.setSampler(Sampler.parentBased(Sampler.alwaysOn()))
		.build();

	private final EventTracing tracing = tracing(this.provider);

	@AfterEach
	void closeTracer() {
		this.provider.close();
	}

	@Test
	void handlesAnEventInAConsumerSpanWhoseParentIsTheSpanThatWroteIt() {
		ReceivedEvent event = received("00-" + WRITER_TRACE + "-" + WRITER_SPAN + "-01");

		this.tracing.handling(event, () -> {
		});

		SpanData span = single(this.spans.getFinishedSpanItems());
		assertThat(span.getTraceId()).isEqualTo(WRITER_TRACE);
		assertThat(span.getParentSpanId()).isEqualTo(WRITER_SPAN);
		assertThat(span.getKind()).isEqualTo(SpanKind.CONSUMER);
		assertThat(span.getName()).isEqualTo("order.created process");
		assertThat(span.getAttributes().get(AttributeKey.stringKey(EventTracing.ORDER_ID_ATTRIBUTE)))
			.isEqualTo(event.payload().orderId().toString());
	}

	@Test
	void anEventWrittenWhileHandlingAnotherIsTheChildOfItsConsumerSpan() {
		ReceivedEvent event = received("00-" + WRITER_TRACE + "-" + WRITER_SPAN + "-01");
		List<String> written = new ArrayList<>();

		this.tracing.handling(event, () -> written.add(this.tracing.traceparent()));

		SpanData consumer = single(this.spans.getFinishedSpanItems());
		assertThat(written).singleElement().isEqualTo("00-" + WRITER_TRACE + "-" + consumer.getSpanId() + "-01");
	}

	@Test
	void putsTheOrderAndTheRecordInTheLogContextWhileHandlingOnly() {
		ReceivedEvent event = received(null);
		Map<String, String> seen = new HashMap<>();

		this.tracing.handling(event, () -> seen.putAll(MDC.getCopyOfContextMap()));

		assertThat(seen).containsEntry(EventTracing.ORDER_ID, event.payload().orderId().toString())
			.containsEntry(EventTracing.TOPIC, Topics.ORDER_CREATED)
			.containsEntry(EventTracing.PARTITION, "3")
			.containsEntry(EventTracing.OFFSET, "42");
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void anEventWithoutTraceparentStartsATraceOfItsOwn() {
		this.tracing.handling(received(null), () -> {
		});

		SpanData span = single(this.spans.getFinishedSpanItems());
		assertThat(span.getParentSpanContext().isValid()).isFalse();
	}

	@Test
	void aFailedHandlingEndsItsSpanAsAnErrorAndStillFails() {
		assertThatIllegalStateException().isThrownBy(() -> this.tracing.handling(received(null), () -> {
			throw new IllegalStateException("no such product");
		})).withMessage("no such product");

		assertThat(single(this.spans.getFinishedSpanItems()).getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
		assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
	}

	@Test
	void anEventWrittenOutsideAnySpanStartsASampledTraceOfItsOwn() {
		String first = this.tracing.traceparent();
		String second = this.tracing.traceparent();

		assertThat(first).matches(TRACEPARENT).endsWith("-01");
		assertThat(traceId(first)).isNotEqualTo(traceId(second));
	}

	@Test
	void withoutATracerEveryEventStillCarriesAValidUnsampledTraceparent() {
		String traceparent = EventTracing.none().traceparent();

		assertThat(traceparent).matches(TRACEPARENT).endsWith("-00");
	}

	@Test
	void namesTheOrderInTheLogContextWhileARequestIsHandled() {
		OrderId orderId = OrderId.random();
		RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
		try {
			this.tracing.aboutOrder(orderId);

			assertThat(MDC.get(EventTracing.ORDER_ID)).isEqualTo(orderId.toString());
		}
		finally {
			RequestContextHolder.resetRequestAttributes();
			MDC.clear();
		}
	}

	@Test
	void leavesTheLogContextAloneOutsideARequest() {
		this.tracing.aboutOrder(OrderId.random());

		assertThat(MDC.get(EventTracing.ORDER_ID)).isNull();
	}

	private static String traceId(String traceparent) {
		Matcher matcher = TRACEPARENT.matcher(traceparent);
		assertThat(matcher.matches()).isTrue();
		return matcher.group(1);
	}

	private static SpanData single(List<SpanData> spans) {
		assertThat(spans).hasSize(1);
		return spans.get(0);
	}

	private static ReceivedEvent received(@Nullable String traceparent) {
		OrderCreated created = new OrderCreated(OrderId.random(), "c-1", List.of(new OrderLine("SKU-1", 1)),
				Instant.parse("2026-12-01T10:00:00Z"));
		return new ReceivedEvent(UUID.randomUUID(), Instant.parse("2026-12-01T10:00:00Z"), created, traceparent,
				Topics.ORDER_CREATED, 3, 42);
	}

	private static EventTracing tracing(SdkTracerProvider provider) {
		io.opentelemetry.api.trace.Tracer otel = provider.get("saga-test");
		OtelCurrentTraceContext current = new OtelCurrentTraceContext();
		OtelTracer tracer = new OtelTracer(otel, current, (event) -> {
		}, new OtelBaggageManager(current, List.of(), List.of()));
		return new EventTracing(tracer,
				new OtelPropagator(ContextPropagators.create(W3CTraceContextPropagator.getInstance()), otel));
	}

}
