package dev.ordersaga.ops.dlq;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.ordersaga.events.Topics;
import dev.ordersaga.ops.kafka.KafkaAccess;
import dev.ordersaga.ops.kafka.KafkaOptions;
import dev.ordersaga.ops.kafka.RecordJson;
import dev.ordersaga.ops.kafka.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code sagactl dlq show}. */
@Command(name = "show", mixinStandardHelpOptions = true,
		description = { "The records of a .dlq topic as JSON lines, with their decoded kafka_dlt-* headers",
				"(original topic, partition, offset, timestamp, consumer group, exception) and the value." },
		footer = { "", "Examples:", "  ./sagactl dlq show order.created.dlq",
				"  ./sagactl dlq show inventory.updated.dlq --order 5f0c... --exception Unreadable" })
public final class DlqShowCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private KafkaOptions kafka;

	@Mixin
	private DlqSelectors selectors;

	@Parameters(paramLabel = "DLQ_TOPIC", description = "a dead-letter topic, e.g. order.created.dlq")
	private String topic;

	@Option(names = "--limit", paramLabel = "K", defaultValue = "100",
			description = "print at most K records; default ${DEFAULT-VALUE}")
	private int limit;

	@Option(names = "--stacktrace", description = "include kafka_dlt-exception-stacktrace")
	private boolean stackTraces;

	@Override
	public Integer call() {
		if (!this.topic.endsWith(Topics.DLQ_SUFFIX)) {
			throw new IllegalArgumentException("'" + this.topic + "' is not a dead-letter topic (they end in .dlq)");
		}
		this.selectors.check();
		if (this.limit < 1) {
			throw new IllegalArgumentException("--limit must be at least 1");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		RecordJson json = new RecordJson();
		try (KafkaAccess access = this.kafka.connect()) {
			if (!access.topicNames().contains(this.topic)) {
				throw new KafkaAccess.Unavailable("unknown topic '" + this.topic + "' (see ./sagactl dlq list)");
			}
			int printed = 0;
			for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(access, this.topic,
					DlqListCommand.SCAN_LIMIT)) {
				if (printed >= this.limit) {
					break;
				}
				if (this.selectors.matches(record)) {
					out.println(json.write(json.render(record, this.stackTraces)));
					printed++;
				}
			}
		}
		return 0;
	}

}
