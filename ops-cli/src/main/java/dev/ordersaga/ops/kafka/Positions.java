package dev.ordersaga.ops.kafka;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.TopicPartition;

/**
 * Where in a partition a command starts: checked offsets and parsed times, with messages
 * a person can act on.
 */
public final class Positions {

	private Positions() {
	}

	/**
	 * The offset, when the partition holds it (or it is the end); a usage error
	 * otherwise.
	 */
	public static long offsetWithin(TopicPartition partition, long offset, long start, long end) {
		if (offset < start || offset > end) {
			throw new IllegalArgumentException("offset " + offset + " is outside partition " + partition.partition()
					+ " of " + partition.topic() + ", which holds offsets " + start + " to " + end);
		}
		return offset;
	}

	/**
	 * An ISO-8601 instant given to an option; a usage error naming the option otherwise.
	 */
	public static Instant time(String option, String text) {
		try {
			return Instant.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException(
					option + ": '" + text + "' is not an ISO-8601 time such as 2026-11-22T10:00:00Z");
		}
	}

}
