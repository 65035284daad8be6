package dev.ordersaga.ops.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/** A {@link LoadReport} for people: one labelled line per figure. */
final class ReportText {

	private static final String INDENT = " ".repeat(12);

	private ReportText() {
	}

	static String render(LoadReport report) {
		List<String> lines = new ArrayList<>();
		LoadReport.Settings settings = report.settings();
		LoadReport.Orders orders = report.orders();
		lines.add("sagactl load " + settings.mode() + ": " + settings.shape());
		lines.add(line("orders", "%d posted, %d accepted, %d shed (429), %d errors; %d decided, %d missing%s",
				orders.posted(), orders.accepted(), orders.shed(), orders.errors(), orders.decided(), orders.missing(),
				(orders.duplicates() > 0) ? ", " + orders.duplicates() + " duplicate decisions" : ""));
		lines.add(line("outcomes", "%s",
				report.outcomes().isEmpty() ? "none"
						: report.outcomes()
							.entrySet()
							.stream()
							.map((entry) -> entry.getKey().label() + " " + entry.getValue())
							.collect(Collectors.joining(", "))));
		String label = "errors";
		for (Map.Entry<String, Long> error : report.errors().entrySet()) {
			lines.add(line(label, "%d x %s", error.getValue(), error.getKey()));
			label = "";
		}
		if (!report.missingOrders().isEmpty()) {
			lines.add(line("missing", "%s%s", String.join(", ", report.missingOrders()),
					(orders.missing() > report.missingOrders().size()) ? ", ..." : ""));
		}
		lines.add(line("throughput", "%s completed sagas/s (%d decisions in %s s, first POST to last decision)",
				decimal(report.completedPerSecond(), 1), orders.decided(),
				decimal(report.elapsed().toNanos() / 1e9, 2)));
		lines.add(line("latency", "%-9s %s  (POST sent to decision read from Kafka)", "decision",
				latency(report.decisionLatency())));
		lines.add(INDENT + String.format(Locale.ROOT, "%-9s %s", "POST", latency(report.postLatency())));
		if (report.waitLatency() != null) {
			lines.add(INDENT + String.format(Locale.ROOT, "%-9s %s  (POST sent to the ?wait= answer)", "?wait=",
					latency(report.waitLatency())));
		}
		if (report.schedule() != null) {
			lines.add(line("schedule", "%s", schedule(report.schedule(), orders.posted())));
		}
		resources(report.resources(), lines);
		lines.add(line("yardstick", "%s", yardstick(report)));
		lines.add(line("result", "%s", report.passed() ? "passed" : "FAILED: " + String.join("; ", report.problems())));
		return lines.stream().map(String::stripTrailing).collect(Collectors.joining(System.lineSeparator()))
				+ System.lineSeparator();
	}

	private static void resources(LoadReport.Resources resources, List<String> lines) {
		lines.add(line("resources", "%-24s %12s   %s", "", "CPU ms/saga", "memory after the run"));
		for (LoadReport.ServiceUse service : resources.services()) {
			lines.add(INDENT + String.format(Locale.ROOT, "%-24s %12s   %s", service.name(),
					orNa(service.cpuMsPerSaga(), 2), memory(service)));
		}
		int services = resources.services().size();
		lines.add(INDENT + String.format(Locale.ROOT, "%-24s %12s   %s", "services together",
				orNa(resources.servicesCpuMsPerSaga(), 2), (resources.servicesCounted() < services)
						? "(" + resources.servicesCounted() + " of " + services + " services could be read)" : ""));
		lines.add(INDENT + String.format(Locale.ROOT, "%-24s %12s   %s", "machine (all processes)",
				orNa(resources.machineCpuMsPerSaga(), 2), (resources.machineCpuMsPerSaga() != null)
						? "(" + resources.machineCpus() + " CPUs, /proc/stat)" : "(/proc/stat not readable)"));
		lines.add(INDENT + String.format(Locale.ROOT, "%-24s %12s", "sagactl (this client)",
				orNa(resources.clientCpuMsPerSaga(), 2)));
	}

	private static String memory(LoadReport.ServiceUse service) {
		return switch (service.memory()) {
			case RESIDENT -> mib(service.memoryBytes()) + " resident";
			case JVM_USED -> mib(service.memoryBytes()) + " JVM memory used (no " + ResourceSample.RESIDENT + ")";
			case UNKNOWN -> "n/a";
		};
	}

	private static String schedule(LoadReport.Schedule schedule, int posted) {
		String offered = decimal(schedule.perSecond(), 0) + " orders/s offered; ";
		if (schedule.late() == 0) {
			return offered + "the client kept to the schedule (no send more than " + Phase.LATE.toMillis()
					+ " ms late)";
		}
		return offered + "the client fell behind: " + schedule.late() + " of " + posted + " sends more than "
				+ Phase.LATE.toMillis() + " ms late, the latest by " + decimal(schedule.mostLate().toNanos() / 1e6, 1)
				+ " ms (latencies count from the scheduled times)";
	}

	private static String yardstick(LoadReport report) {
		Yardstick.Result yardstick = report.yardstick();
		if (report.yardstickFailure() != null) {
			return "failed, no ratio: " + report.yardstickFailure();
		}
		if (yardstick == null) {
			return "not measured (add --yardstick to measure the broker alone in the same run)";
		}
		return String.format(Locale.ROOT,
				"the broker alone took %s records/s of %d bytes (%s MiB/s, acks=all) = %s sagas/s at %d records "
						+ "a saga; this run reached %s %% of that",
				decimal(yardstick.recordsPerSecond(), 0), yardstick.recordBytes(),
				decimal(yardstick.megabytesPerSecond(), 1), decimal(report.brokerSagasPerSecond(), 0),
				Yardstick.RECORDS_PER_SAGA,
				orNa((report.shareOfBroker() != null) ? report.shareOfBroker() * 100 : null, 1));
	}

	private static String latency(Latencies.Summary summary) {
		if (summary.isEmpty()) {
			return "n/a (nothing measured)";
		}
		return String.format(Locale.ROOT, "p50 %s  p95 %s  p99 %s  max %s ms  (n=%d)", decimal(summary.p50(), 1),
				decimal(summary.p95(), 1), decimal(summary.p99(), 1), decimal(summary.max(), 1), summary.count());
	}

	@SuppressWarnings("AnnotateFormatMethod") // every format passed in is a literal of
												// this class
	private static String line(String label, String format, Object... args) {
		return String.format(Locale.ROOT, "%-12s", label) + String.format(Locale.ROOT, format, args);
	}

	private static String mib(@Nullable Double bytes) {
		return (bytes != null) ? decimal(bytes / (1024 * 1024), 0) + " MiB" : "n/a";
	}

	private static String orNa(@Nullable Double value, int decimals) {
		return (value != null) ? decimal(value, decimals) : "n/a";
	}

	static String decimal(@Nullable Double value, int decimals) {
		return (value != null) ? String.format(Locale.ROOT, "%." + decimals + "f", value) : "n/a";
	}

}
