package dev.ordersaga.ops.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/** Reports as a run would make them, for the formatting tests. */
final class LoadReports {

	private LoadReports() {
	}

	/**
	 * 5000 orders in 5 s, 4998 confirmed and 2 out of stock; analytics could not be read;
	 * notification has no resident memory figure.
	 */
	static LoadReport burst(Yardstick.@Nullable Result yardstick, List<String> problems, int missing) {
		return burst(yardstick, null, problems, missing);
	}

	static LoadReport burst(Yardstick.@Nullable Result yardstick, @Nullable String yardstickFailure,
			List<String> problems, int missing) {
		Map<String, @Nullable Object> settings = new LinkedHashMap<>();
		settings.put("orders", 5000);
		settings.put("inFlight", 64);
		settings.put("yardstickRecords", null);
		Map<Outcome, Long> outcomes = new TreeMap<>();
		outcomes.put(new Outcome(Outcome.Status.REJECTED, "OUT_OF_STOCK"), 2L);
		outcomes.put(new Outcome(Outcome.Status.CONFIRMED, null), 4998L - missing);
		LoadReport.Resources resources = new LoadReport.Resources(List.of(
				new LoadReport.ServiceUse("order-service", 0.8, 300.0 * 1024 * 1024, LoadReport.Memory.RESIDENT),
				new LoadReport.ServiceUse("notification-service", 0.25, 100.0 * 1024 * 1024,
						LoadReport.Memory.JVM_USED),
				new LoadReport.ServiceUse("analytics-service", null, null, LoadReport.Memory.UNKNOWN)), 1.05, 2, 3.2, 2,
				0.15);
		return new LoadReport(new LoadReport.Settings("burst", "5000 orders, 64 in flight", settings),
				new LoadReport.Orders(5000, 5000, 0, 0, 5000 - missing, missing, 0), outcomes, Map.of(),
				(missing > 0) ? List.of("o-missing") : List.of(), Duration.ofSeconds(5),
				new Latencies.Summary(5000 - missing, 55.12, 80.2, 120.0, 300.25),
				new Latencies.Summary(5000, 4.1, 9.0, 20.0, 50.1), null, null, resources, yardstick, yardstickFailure,
				problems);
	}

}
