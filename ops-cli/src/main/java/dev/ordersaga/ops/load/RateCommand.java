package dev.ordersaga.ops.load;

import java.util.concurrent.Callable;

import dev.ordersaga.ops.Durations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sagactl load rate}: R orders a second for D, open loop. */
@Command(name = "rate", mixinStandardHelpOptions = true, sortOptions = false,
		description = { "Places --rate orders a second for --duration (open loop).",
				"Order i is due i/R seconds after the start and is sent then, however many orders are still undecided "
						+ "or waiting for their POST's answer. Latency counts from the due time, not the send time, so "
						+ "that a slow client cannot hide the wait (no coordinated omission); when this client cannot "
						+ "keep to the schedule, the report says by how much." },
		footer = { "", "Exit codes: 0 every accepted order decided and no errors, 1 otherwise, 2 usage.", "",
				"Examples:", "  ./sagactl load rate --rate 500 --duration 30s",
				"  ./sagactl load rate --rate 20 --duration 5m --timeout 120s" })
final class RateCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Option(names = "--rate", paramLabel = "R", required = true, description = "orders a second")
	private int rate;

	@Option(names = "--duration", paramLabel = "DURATION", defaultValue = "30s",
			description = "how long to place orders, e.g. 30s or 5m; default ${DEFAULT-VALUE}")
	private String duration;

	@Mixin
	private LoadOptions options;

	@Override
	public Integer call() {
		Mode mode = new Mode.Rate(this.rate, Durations.parse("--duration", this.duration));
		return new LoadRun(this.options.settings(), mode, this.spec.commandLine().getOut(),
				this.spec.commandLine().getErr())
			.execute();
	}

}
