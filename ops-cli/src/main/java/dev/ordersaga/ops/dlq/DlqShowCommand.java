package dev.ordersaga.ops.dlq;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import dev.ordersaga.events.DeadLetterHeaders;
import dev.ordersaga.ops.kafka.KafkaAccess;
import dev.ordersaga.ops.kafka.KafkaOptions;
import dev.ordersaga.ops.kafka.RecordJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sagactl dlq show}. */
@Command(name = "show", mixinStandardHelpOptions = true,
		description = {
				"The records of a .dlq topic as JSON lines, with their decoded " + DeadLetterHeaders.PREFIX
						+ "* headers",
				"(original topic, partition, offset, timestamp, consumer group, exception) and the value." },
		footer = { "", "Examples:", "  ./sagactl dlq show order.created.dlq",
				"  ./sagactl dlq show inventory.updated.dlq --order 5f0c... --exception Unreadable" })
final class DlqShowCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private KafkaOptions kafka;

	@Mixin
	private DlqSelectors selectors;

	@Option(names = "--limit", paramLabel = "K", defaultValue = "100",
			description = "print at most K records; default ${DEFAULT-VALUE}")
	private int limit;

	@Option(names = "--stacktrace", description = "include " + DeadLetterHeaders.EXCEPTION_STACKTRACE)
	private boolean stackTraces;

	@Override
	public Integer call() {
		this.selectors.check();
		if (this.limit < 1) {
			throw new IllegalArgumentException("--limit must be at least 1");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		RecordJson json = new RecordJson();
		try (KafkaAccess access = this.kafka.connect()) {
			this.selectors.select(access)
				.stream()
				.limit(this.limit)
				.forEach((record) -> out.println(json.write(json.render(record, this.stackTraces))));
		}
		return 0;
	}

}
