package dev.ordersaga.ops.dlq;

import dev.ordersaga.ops.kafka.RecordJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Which dead letters a command works on: by order, exception and original consumer group.
 */
public final class DlqSelectors {

	@Option(names = "--order", paramLabel = "ORDER_ID", description = "only records of this order (the key)")
	private @Nullable String order;

	@Option(names = "--exception", paramLabel = "TEXT",
			description = "only records whose exception class or message contains TEXT")
	private @Nullable String exception;

	@Option(names = "--group", paramLabel = "GROUP", description = "only records dead-lettered by this consumer group")
	private @Nullable String group;

	@Nullable String group() {
		return this.group;
	}

	boolean matches(ConsumerRecord<byte[], byte[]> record) {
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
