package dev.ordersaga.ops.load;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sagactl load}: the load generator; one subcommand per mode. */
@Command(name = "load", mixinStandardHelpOptions = true,
		description = { "Puts the saga under load and reports how it coped.",
				"Sets up its own products LOAD-1..n (inventory-service) and customers load-1..m (payment-service), "
						+ "places orders with POST /orders (for every customer with one operator token: see --token), "
						+ "and takes each order's decision from order.confirmed, "
						+ "order.rejected and order.cancelled on Kafka (read from their ends, without a consumer "
						+ "group), never from the services' own metrics. Shows a progress line on stderr, then "
						+ "reports: completed sagas/s (decisions over the time from the first POST to the last "
						+ "decision), outcomes by status and reason, orders shed (429), errors and missing (accepted "
						+ "but undecided --timeout after the last POST), latency p50/p95/p99/max from POST to "
						+ "decision, POST latency, and per service the CPU milliseconds per saga (process_cpu_time_ns "
						+ "before and after, over the completed sagas) and resident memory, from /actuator/prometheus "
						+ "(notification- and analytics-service are read for these only). Also the CPU of the "
						+ "services together, of the whole machine (/proc/stat) and of this client. With "
						+ "--yardstick it then measures the broker alone and compares the run with it.",
				"Run it on a quiet system: other clients' orders cost the services CPU too. Every run (re)stocks "
						+ "LOAD-1..n and refills load-1..m, so runs can follow each other; the orders stay in the "
						+ "services' books like any others (sagactl verify counts them)." },
		footer = { "", "Each mode takes the options shown by sagactl load MODE --help.", "",
				"Exit codes: 0 every accepted order decided and no errors, 1 orders missing or failed (or a service or "
						+ "the broker unreachable), 2 usage. A yardstick that fails is reported, without a ratio, and does "
						+ "not change the exit code.",
				"", "Examples:", "  ./sagactl load burst --orders 5000 --in-flight 64 --warmup 1000 --yardstick",
				"  ./sagactl load rate --rate 500 --duration 30s", "  ./sagactl load serial --orders 200",
				"  ./sagactl load burst --orders 1000 --json > burst.json" },
		subcommands = { BurstCommand.class, RateCommand.class, SerialCommand.class })
public final class LoadCommand implements Runnable {

	@Spec
	private CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(),
				"Missing mode: burst, rate or serial (see sagactl load --help)");
	}

}
