package dev.ordersaga.ops.load;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sagactl load serial}: K orders one at a time. */
@Command(name = "serial", mixinStandardHelpOptions = true, sortOptions = false,
		description = {
				"Places --orders orders one at a time: POST, then GET /orders/{id}?wait=10s until the order is "
						+ "decided (up to --timeout), then the next.",
				"Reports the ?wait= latency (POST to the GET's answer) beside the latency to the decision on Kafka, "
						+ "and counts it as an error when the status the GET answered is not the one on Kafka." },
		footer = { "", "Exit codes: 0 every accepted order decided and no errors, 1 otherwise, 2 usage.", "",
				"Example:", "  ./sagactl load serial --orders 200 --warmup 50" })
final class SerialCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--orders", paramLabel = "K", defaultValue = "200",
			description = "orders to place; default ${DEFAULT-VALUE}")
	private int orders;

	@Mixin
	private LoadOptions options;

	@Override
	public Integer call() {
		Mode mode = new Mode.Serial(this.orders);
		return new LoadRun(this.options.settings(), mode, this.spec.commandLine().getOut(),
				this.spec.commandLine().getErr())
			.execute();
	}

}
