package dev.ordersaga.ops.dlq;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import dev.ordersaga.events.DeadLetterHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.ops.kafka.KafkaAccess;
import dev.ordersaga.ops.kafka.KafkaOptions;
import dev.ordersaga.ops.kafka.RecordJson;
import dev.ordersaga.ops.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code sagactl dlq list}. */
@Command(name = "list", mixinStandardHelpOptions = true,
		description = "Every .dlq topic with its record count, oldest and newest record, and counts by exception type and by original consumer group.",
		footer = { "", "Example:", "  ./sagactl dlq list" })
final class DlqListCommand implements Callable<Integer> {

	static final int SCAN_LIMIT = 100_000;

	@Spec
	private CommandSpec spec;

	@Mixin
	private KafkaOptions kafka;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		try (KafkaAccess access = this.kafka.connect()) {
			List<String> dlqs = access.topicNames()
				.stream()
				.filter((name) -> name.endsWith(Topics.DLQ_SUFFIX))
				.sorted()
				.toList();
			if (dlqs.isEmpty()) {
				out.println("no .dlq topics");
			}
			for (String dlq : dlqs) {
				List<ConsumerRecord<byte[], byte[]>> records = TopicReader.readAll(access, dlq, SCAN_LIMIT);
				if (records.isEmpty()) {
					out.printf("%-24s 0 records%n", dlq);
					continue;
				}
				long oldest = records.stream().mapToLong(ConsumerRecord::timestamp).min().orElseThrow();
				long newest = records.stream().mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
				out.printf("%-24s %d record%s, oldest %s, newest %s%s%n", dlq, records.size(),
						(records.size() == 1) ? "" : "s", Instant.ofEpochMilli(oldest), Instant.ofEpochMilli(newest),
						(records.size() == SCAN_LIMIT) ? " (stopped counting at " + SCAN_LIMIT + ")" : "");
				out.println("    by exception: " + countBy(records, DeadLetterHeaders.EXCEPTION_FQCN, true));
				out.println(
						"    by consumer group: " + countBy(records, DeadLetterHeaders.ORIGINAL_CONSUMER_GROUP, false));
			}
		}
		return 0;
	}

	private static Map<String, Long> countBy(List<ConsumerRecord<byte[], byte[]>> records, String header,
			boolean simpleName) {
		Map<String, Long> counts = new TreeMap<>();
		for (ConsumerRecord<byte[], byte[]> record : records) {
			String value = RecordJson.header(record, header);
			String label = (value == null) ? "(none)"
					: simpleName ? value.substring(value.lastIndexOf('.') + 1) : value;
			counts.merge(label, 1L, Long::sum);
		}
		return counts;
	}

}
