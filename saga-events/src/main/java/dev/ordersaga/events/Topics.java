package dev.ordersaga.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.SequencedMap;

/** The saga's topic names. Every topic is keyed by order id. */
public final class Topics {

	public static final String ORDER_CREATED = "order.created";

	public static final String INVENTORY_UPDATED = "inventory.updated";

	public static final String PAYMENT_COMPLETED = "payment.completed";

	public static final String ORDER_CONFIRMED = "order.confirmed";

	public static final String ORDER_REJECTED = "order.rejected";

	public static final String ORDER_CANCELLED = "order.cancelled";

	public static final String DLQ_SUFFIX = ".dlq";

	/**
	 * Operators' commands to running services and their answers; see
	 * {@code dev.ordersaga.events.control}. Not a saga topic: no dead-letter topic.
	 */
	public static final String CONTROL = "saga.control";

	/** Every saga topic, without the dead-letter topics. */
	public static final List<String> ALL = List.of(ORDER_CREATED, INVENTORY_UPDATED, PAYMENT_COMPLETED, ORDER_CONFIRMED,
			ORDER_REJECTED, ORDER_CANCELLED);

	private Topics() {
	}

	public static String deadLetterOf(String topic) {
		return topic + DLQ_SUFFIX;
	}

	/**
	 * Every topic the saga needs with its partition count: each saga topic and its
	 * dead-letter topic the same count, so that a dead letter keeps its record's
	 * partition; the control topic one, so that everyone reads it in one order.
	 * @param partitions the partition count of the saga topics
	 * @return partition count by topic name, saga topics first
	 */
	public static SequencedMap<String, Integer> partitionsByTopic(int partitions) {
		if (partitions < 1) {
			throw new IllegalArgumentException("a topic needs at least one partition, not " + partitions);
		}
		SequencedMap<String, Integer> topics = new LinkedHashMap<>();
		ALL.forEach((topic) -> {
			topics.put(topic, partitions);
			topics.put(deadLetterOf(topic), partitions);
		});
		topics.put(CONTROL, 1);
		return topics;
	}

}
