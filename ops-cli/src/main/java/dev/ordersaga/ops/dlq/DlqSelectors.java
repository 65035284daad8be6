package dev.ordersaga.ops.dlq;

import dev.ordersaga.ops.kafka.Positions;
import dev.ordersaga.ops.kafka.RecordJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Which dead letters a command works on: by order, exception, original consumer group and
 * the time they were dead-lettered.
 */
public final class DlqSelectors {

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

	/** Checks the selectors before any record is read: a bad time is a usage error. */
	void check() {
		this.sinceMillis = (this.since != null) ? Positions.time("--since", this.since).toEpochMilli() : null;
		this.untilMillis = (this.until != null) ? Positions.time("--until", this.until).toEpochMilli() : null;
	}

	@Nullable String group() {
		return this.group;
	}

	boolean matches(ConsumerRecord<byte[], byte[]> record) {
		if (this.sinceMillis != null && record.timestamp() < this.sinceMillis) {
			return false;
		}
		if (this.untilMillis != null && record.timestamp() >= this.untilMillis) {
			return false;
		}
		if (this.order != null && !this.order.equals(RecordJson.keyText(record))) {
			return false;
		}
		if (this.group != null && !this.group.equals(RecordJson.header(record, "kafka_dlt-original-consumer-group"))) {
			return false;
		}
		if (this.exception != null) {
			String described = RecordJson.header(record, "kafka_dlt-exception-fqcn") + " "
					+ RecordJson.header(record, "kafka_dlt-exception-message");
			return described.contains(this.exception);
		}
		return true;
	}

}
