package dev.ordersaga.ops.load;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.ordersaga.events.Topics;
import org.jspecify.annotations.Nullable;

/**
 * How an order ended, as the topic of its decision says, with the reason the event gives
 * (none for a confirmation).
 */
record Outcome(Status status, @Nullable String reason) implements Comparable<Outcome> {

	/** An order's terminal status; each travels on its own topic. */
	enum Status {

		CONFIRMED(Topics.ORDER_CONFIRMED), REJECTED(Topics.ORDER_REJECTED), CANCELLED(Topics.ORDER_CANCELLED);

		private final String topic;

		Status(String topic) {
			this.topic = topic;
		}

		String topic() {
			return this.topic;
		}

		static List<String> topicNames() {
			return Arrays.stream(values()).map(Status::topic).toList();
		}

		static Optional<Status> ofTopic(String topic) {
			return Arrays.stream(values()).filter((status) -> status.topic.equals(topic)).findFirst();
		}

		/** The status an order view shows, when it is a terminal one. */
		static Optional<Status> ofName(@Nullable String name) {
			return Arrays.stream(values()).filter((status) -> status.name().equals(name)).findFirst();
		}

	}

	private static final Comparator<Outcome> ORDER = Comparator.comparing(Outcome::status)
		.thenComparing(Outcome::reason, Comparator.nullsFirst(Comparator.naturalOrder()));

	/** {@code CONFIRMED}, {@code REJECTED OUT_OF_STOCK}. */
	String label() {
		return (this.reason != null) ? this.status + " " + this.reason : this.status.name();
	}

	@Override
	public int compareTo(Outcome other) {
		return ORDER.compare(this, other);
	}

}
