package dev.ordersaga.ops.load;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sagactl load burst}: N orders, C in flight. */
@Command(name = "burst", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Places --orders orders with at most --in-flight of them undecided at any time (closed loop).",
				"An order holds its place from its POST until its decision is read from Kafka; an order shed with 429 "
						+ "frees it after its Retry-After (at most 1 s), a failed POST at once, an order without a "
						+ "decision after --timeout too (it still counts when its decision comes later)." },
		footer = { "", "Exit codes: 0 every accepted order decided and no errors, 1 otherwise, 2 usage.", "",
				"Examples:", "  ./sagactl load burst --orders 5000 --in-flight 64",
				"  ./sagactl load burst --orders 5000 --in-flight 256 --yardstick --json" })
final class BurstCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--orders", paramLabel = "N", defaultValue = "5000",
			description = "orders to place; default ${DEFAULT-VALUE}")
	private int orders;

	@Option(names = "--in-flight", paramLabel = "C", defaultValue = "64",
			description = "orders undecided at most at any time; default ${DEFAULT-VALUE}")
	private int inFlight;

	@Mixin
	private LoadOptions options;

	@Override
	public Integer call() {
		Mode mode = new Mode.Burst(this.orders, this.inFlight);
		return new LoadRun(this.options.settings(), mode, this.spec.commandLine().getOut(),
				this.spec.commandLine().getErr())
			.execute();
	}

}
