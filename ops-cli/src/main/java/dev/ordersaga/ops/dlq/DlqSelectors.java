package dev.ordersaga.ops.dlq;

import java.util.List;

import dev.ordersaga.events.DeadLetterHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.ops.kafka.KafkaAccess;
import dev.ordersaga.ops.kafka.Positions;
import dev.ordersaga.ops.kafka.RecordJson;
import dev.ordersaga.ops.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Which dead letters a command works on: a dead-letter topic, and in it the records of an
 * order, an exception, an original consumer group and a time range.
 */
final class DlqSelectors {

	@Parameters(paramLabel = "DLQ_TOPIC", description = "a dead-letter topic, e.g. order.created.dlq")
	private String topic;

	@Option(names = "--order", paramLabel = "ORDER_ID", description = "only records of this order (the key)")
	private @Nullable String order;

	@Option(names = "--exception", paramLabel = "TEXT",
			description = "only records whose exception class or message contains TEXT")
	private @Nullable String exception;

	@Option(names = "--group", paramLabel = "GROUP", description = "only records dead-lettered by this consumer group")
	private @Nullable String group;

	@Option(names = "--since", paramLabel = "ISO",
			description = "only records dead-lettered at or after this time, e.g. 2026-11-22T10:00:00Z")
	private @Nullable String since;

	@Option(names = "--until", paramLabel = "ISO", description = "only records dead-lettered before this time")
	private @Nullable String until;

	private @Nullable Long sinceMillis;

	private @Nullable Long untilMillis;

	/**
	 * Checks the selectors before any record is read: a topic that is not a dead-letter
	 * topic, or a bad time, is a usage error.
	 */
	void check() {
		if (!this.topic.endsWith(Topics.DLQ_SUFFIX)) {
			throw new IllegalArgumentException("'" + this.topic + "' is not a dead-letter topic (they end in .dlq)");
		}
		this.sinceMillis = (this.since != null) ? Positions.time("--since", this.since).toEpochMilli() : null;
		this.untilMillis = (this.until != null) ? Positions.time("--until", this.until).toEpochMilli() : null;
	}

	String topic() {
		return this.topic;
	}

	/** The selected dead letters, in partition and offset order. */
	List<ConsumerRecord<byte[], byte[]>> select(KafkaAccess access) {
		if (!access.topicNames().contains(this.topic)) {
			throw new KafkaAccess.Unavailable("unknown topic '" + this.topic + "' (see ./sagactl dlq list)");
		}
		return TopicReader.readAll(access, this.topic, DlqListCommand.SCAN_LIMIT)
			.stream()
			.filter(this::matches)
			.toList();
	}

	@Nullable String group() {
		return this.group;
	}

	private boolean matches(ConsumerRecord<byte[], byte[]> record) {
		if (this.sinceMillis != null && record.timestamp() < this.sinceMillis) {
			return false;
		}
		if (this.untilMillis != null && record.timestamp() >= this.untilMillis) {
			return false;
		}
		if (this.order != null && !this.order.equals(RecordJson.keyText(record))) {
			return false;
		}
		if (this.group != null
				&& !this.group.equals(RecordJson.header(record, DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP))) {
			return false;
		}
		if (this.exception != null) {
			String described = RecordJson.header(record, DeadLetterHeaders.EXCEPTION_FQCN) + " "
					+ RecordJson.header(record, DeadLetterHeaders.EXCEPTION_MESSAGE);
			return described.contains(this.exception);
		}
		return true;
	}

}
