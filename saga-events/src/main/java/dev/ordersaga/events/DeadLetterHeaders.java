package dev.ordersaga.events;

/**
 * The headers Spring Kafka's dead-letter recoverer puts on a record it sends to a
 * {@code .dlq} topic, as operators' tools read them. The values are those of Spring
 * Kafka's {@code KafkaHeaders.DLT_*}; this module has no Spring, so they are written here
 * once; keep them equal when Spring Kafka changes. The partition is a 4-byte int, the
 * offset and timestamp 8-byte longs; the others are UTF-8 text.
 */
public final class DeadLetterHeaders {

	/** What every dead-letter header name starts with. */
	public static final String PREFIX = "kafka_dlt-";

	public static final String ORIGINAL_TOPIC = PREFIX + "original-topic";

	public static final String ORIGINAL_PARTITION = PREFIX + "original-partition";

	public static final String ORIGINAL_OFFSET = PREFIX + "original-offset";

	public static final String ORIGINAL_TIMESTAMP = PREFIX + "original-timestamp";

	public static final String ORIGINAL_CONSUMER_GROUP = PREFIX + "original-consumer-group";

	public static final String EXCEPTION_FQCN = PREFIX + "exception-fqcn";

	public static final String EXCEPTION_CAUSE_FQCN = PREFIX + "exception-cause-fqcn";

	public static final String EXCEPTION_MESSAGE = PREFIX + "exception-message";

	public static final String EXCEPTION_STACKTRACE = PREFIX + "exception-stacktrace";

	private DeadLetterHeaders() {
	}

}
