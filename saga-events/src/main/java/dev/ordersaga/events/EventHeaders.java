package dev.ordersaga.events;

/**
 * Record header names. Event metadata travels in CloudEvents Kafka binary-mode headers;
 * tracing in W3C {@code traceparent}; dead-letter and redrive bookkeeping in
 * {@code saga-*} headers.
 */
public final class EventHeaders {

	/** The event id (a UUID), also the idempotency key. */
	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String TIME = "ce_time";

	public static final String CONTENT_TYPE = "content-type";

	public static final String TRACEPARENT = "traceparent";

	public static final String CLOUDEVENTS_VERSION = "1.0";

	public static final String JSON = "application/json";

	/**
	 * What the saga's own bookkeeping headers start with; a redriven copy leaves those of
	 * its dead letter behind.
	 */
	public static final String SAGA_PREFIX = "saga-";

	/** On a dead-letter record: how many times the record was tried. */
	public static final String ATTEMPTS = SAGA_PREFIX + "attempts";

	/**
	 * On a redriven record: the dead letter it came from
	 * ({@code <dlq topic>-<partition>@<offset>}).
	 */
	public static final String REDRIVE_OF = SAGA_PREFIX + "redrive-of";

	/**
	 * On a redriven record: how many times this event was redriven, this time included.
	 */
	public static final String REDRIVE_COUNT = SAGA_PREFIX + "redrive-count";

	/**
	 * On a redriven record: the only consumer group that applies it; the others skip it.
	 */
	public static final String REDRIVE_FOR = SAGA_PREFIX + "redrive-for";

	private EventHeaders() {
	}

}
