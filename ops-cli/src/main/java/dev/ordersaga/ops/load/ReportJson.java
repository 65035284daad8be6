package dev.ordersaga.ops.load;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A {@link LoadReport} for scripts: one JSON object; times in milliseconds unless a name
 * says otherwise, figures that could not be measured are null.
 */
final class ReportJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ReportJson() {
	}

	static String render(LoadReport report) {
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree(report));
	}

	static ObjectNode tree(LoadReport report) {
		ObjectNode root = JSON.createObjectNode();
		root.put("mode", report.settings().mode());
		ObjectNode settings = root.putObject("settings");
		report.settings().values().forEach((name, value) -> settings.set(name, JSON.valueToTree(value)));
		LoadReport.Orders orders = report.orders();
		root.putObject("orders")
			.put("posted", orders.posted())
			.put("accepted", orders.accepted())
			.put("shed", orders.shed())
			.put("errors", orders.errors())
			.put("decided", orders.decided())
			.put("missing", orders.missing())
			.put("duplicateDecisions", orders.duplicates());
		ObjectNode outcomes = root.putObject("outcomes");
		ObjectNode byStatus = outcomes.putObject("byStatus");
		ObjectNode byReason = outcomes.putObject("byReason");
		report.outcomes().forEach((outcome, count) -> {
			byStatus.put(outcome.status().name(), byStatus.path(outcome.status().name()).asLong(0) + count);
			if (outcome.reason() != null) {
				byReason.put(outcome.reason(), byReason.path(outcome.reason()).asLong(0) + count);
			}
		});
		ObjectNode errors = root.putObject("errors");
		report.errors().forEach(errors::put);
		report.missingOrders().forEach(root.putArray("missingOrders")::add);
		root.put("elapsedSeconds", round(report.elapsed().toNanos() / 1e9));
		root.put("completedSagasPerSecond", round(report.completedPerSecond()));
		ObjectNode latency = root.putObject("latencyMs");
		latency.set("decision", latency(report.decisionLatency()));
		latency.set("post", latency(report.postLatency()));
		if (report.waitLatency() != null) {
			latency.set("wait", latency(report.waitLatency()));
		}
		if (report.schedule() != null) {
			root.putObject("schedule")
				.put("offeredPerSecond", report.schedule().perSecond())
				.put("lateSends", report.schedule().late())
				.put("mostLateMs", round(report.schedule().mostLate().toNanos() / 1e6));
		}
		resources(root, report.resources());
		yardstick(root, report);
		root.put("passed", report.passed());
		report.problems().forEach(root.putArray("problems")::add);
		return root;
	}

	private static void resources(ObjectNode root, LoadReport.Resources resources) {
		ObjectNode services = root.putObject("services");
		for (LoadReport.ServiceUse use : resources.services()) {
			ObjectNode service = services.putObject(use.name());
			service.put("cpuMsPerSaga", round(use.cpuMsPerSaga()));
			service.put("memoryBytes", (use.memoryBytes() != null) ? use.memoryBytes().longValue() : null);
			service.put("memoryMetric", (use.memory() != LoadReport.Memory.UNKNOWN) ? use.memory().metric() : null);
		}
		root.putObject("cpuMsPerSaga")
			.put("services", round(resources.servicesCpuMsPerSaga()))
			.put("servicesCounted", resources.servicesCounted())
			.put("machine", round(resources.machineCpuMsPerSaga()))
			.put("machineCpus", resources.machineCpus())
			.put("client", round(resources.clientCpuMsPerSaga()));
	}

	private static void yardstick(ObjectNode root, LoadReport report) {
		Yardstick.Result result = report.yardstick();
		if (result == null) {
			root.putNull("yardstick");
		}
		else {
			root.putObject("yardstick")
				.put("records", result.records())
				.put("recordBytes", result.recordBytes())
				.put("recordsPerSecond", round(result.recordsPerSecond()))
				.put("megabytesPerSecond", round(result.megabytesPerSecond()))
				.put("recordsPerSaga", Yardstick.RECORDS_PER_SAGA)
				.put("sagasPerSecond", round(report.brokerSagasPerSecond()))
				.put("ratio", round(report.shareOfBroker(), 6));
		}
		root.put("yardstickFailure", report.yardstickFailure());
	}

	private static ObjectNode latency(Latencies.Summary summary) {
		ObjectNode node = JSON.createObjectNode().put("count", summary.count());
		if (summary.isEmpty()) {
			return node.putNull("p50").putNull("p95").putNull("p99").putNull("max");
		}
		return node.put("p50", round(summary.p50()))
			.put("p95", round(summary.p95()))
			.put("p99", round(summary.p99()))
			.put("max", round(summary.max()));
	}

	/** Three decimals are plenty, and keep the JSON readable. */
	private static @Nullable Double round(@Nullable Double value) {
		return round(value, 3);
	}

	private static @Nullable Double round(@Nullable Double value, int decimals) {
		if (value == null || value.isNaN() || value.isInfinite()) {
			return null;
		}
		double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

}
