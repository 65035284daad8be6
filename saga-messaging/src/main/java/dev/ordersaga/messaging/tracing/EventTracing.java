package dev.ordersaga.messaging.tracing;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.context.request.RequestContextHolder;

/**
 * Links the spans of one order across the outbox and Kafka. A service writes an event
 * inside some span (the request that placed the order, the handling of the event before
 * it); the outbox stores that span's {@link #traceparent() traceparent}, and the consumer
 * of the event handles it {@link #handling in a span} whose parent it is.
 */
public class EventTracing {

	/** The log context's key for the order a line is about. */
	public static final String ORDER_ID = "orderId";

	/** The log context's keys for the record a consumer is handling. */
	public static final String TOPIC = "topic";

	public static final String PARTITION = "partition";

	public static final String OFFSET = "offset";

	private static final List<String> RECORD_CONTEXT = List.of(ORDER_ID, TOPIC, PARTITION, OFFSET);

	/** The span attribute that names the order. */
	public static final String ORDER_ID_ATTRIBUTE = "saga.order.id";

	private final Tracer tracer;

	private final Propagator propagator;

	public EventTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** No tracer: events still carry a valid traceparent, each a trace of its own. */
	public static EventTracing none() {
		return new EventTracing(Tracer.NOOP, Propagator.NOOP);
	}

	/**
	 * The W3C traceparent of the current span. Where no span is current (a timer that
	 * rejects overdue orders, say), the event starts a trace of its own, sampled as any
	 * new trace is.
	 */
	public String traceparent() {
		@Nullable TraceContext current = this.tracer.currentTraceContext().context();
		if (current != null && !current.traceId().isEmpty()) {
			return format(current);
		}
		Span root = this.tracer.nextSpan().name("saga event").start();
		try {
			TraceContext context = root.context();
			return context.traceId().isEmpty() ? unsampledRoot() : format(context);
		}
		finally {
			root.end();
		}
	}

	/**
	 * Names the order on the current span and, while a request is handled (placing an
	 * order), in the log context; the handling of a record names its order already. A
	 * timer that writes events for many orders leaves the log context alone.
	 */
	public void aboutOrder(OrderId orderId) {
		@Nullable Span current = this.tracer.currentSpan();
		if (current != null) {
			current.tag(ORDER_ID_ATTRIBUTE, orderId.toString());
		}
		if (RequestContextHolder.getRequestAttributes() != null) {
			MDC.put(ORDER_ID, orderId.toString());
		}
	}

	/**
	 * Runs the handling of one received event in a consumer span, the child of the span
	 * that wrote the event, with the order and the record's coordinates in the log
	 * context.
	 */
	public void handling(ReceivedEvent event, Runnable work) {
		String traceparent = event.traceparent();
		Map<String, String> carrier = (traceparent != null) ? Map.of(EventHeaders.TRACEPARENT, traceparent) : Map.of();
		Span span = this.propagator.extract(carrier, Map::get)
			.kind(Span.Kind.CONSUMER)
			.name(event.topic() + " process")
			.tag("messaging.system", "kafka")
			.tag("messaging.destination.name", event.topic())
			.tag("messaging.kafka.destination.partition", Integer.toString(event.partition()))
			.tag("messaging.kafka.message.offset", Long.toString(event.offset()))
			.tag(ORDER_ID_ATTRIBUTE, event.payload().orderId().toString())
			.start();
		Tracer.SpanInScope scope = this.tracer.withSpan(span);
		MDC.put(ORDER_ID, event.payload().orderId().toString());
		MDC.put(TOPIC, event.topic());
		MDC.put(PARTITION, Integer.toString(event.partition()));
		MDC.put(OFFSET, Long.toString(event.offset()));
		try {
			work.run();
		}
		catch (RuntimeException ex) {
			span.error(ex);
			throw ex;
		}
		finally {
			RECORD_CONTEXT.forEach(MDC::remove);
			scope.close();
			span.end();
		}
	}

	private static String format(TraceContext context) {
		return "00-" + context.traceId() + "-" + context.spanId() + "-"
				+ (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
	}

	private static String unsampledRoot() {
		HexFormat hex = HexFormat.of();
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "00-" + hex.toHexDigits(random.nextLong()) + hex.toHexDigits(random.nextLong()) + "-"
				+ hex.toHexDigits(random.nextLong()) + "-00";
	}

}
