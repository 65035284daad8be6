package dev.ordersaga.ops.load;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTests {

	@Test
	void showsThroughputOutcomesByReasonAndLatencies() {
		String text = ReportText.render(LoadReports.burst(null, List.of(), 0));

		assertThat(text).contains("sagactl load burst: 5000 orders, 64 in flight")
			.contains("5000 posted, 5000 accepted, 0 shed (429), 0 errors; 5000 decided, 0 missing")
			.contains("CONFIRMED 4998, REJECTED OUT_OF_STOCK 2")
			.contains("1000.0 completed sagas/s (5000 decisions in 5.00 s")
			.contains("decision  p50 55.1  p95 80.2  p99 120.0  max 300.3 ms")
			.contains("POST      p50 4.1  p95 9.0  p99 20.0  max 50.1 ms")
			.containsPattern("result +passed");
	}

	@Test
	void showsCpuPerSagaAndMemoryPerServiceWithWhatCouldNotBeRead() {
		String text = ReportText.render(LoadReports.burst(null, List.of(), 0));

		assertThat(text).containsPattern("order-service +0\\.80 +300 MiB resident")
			.containsPattern("notification-service +0\\.25 +100 MiB JVM memory used")
			.containsPattern("analytics-service +n/a +n/a")
			.containsPattern("services together +1\\.05 +\\(2 of 3 services could be read\\)")
			.containsPattern("machine \\(all processes\\) +3\\.20 +\\(2 CPUs")
			.containsPattern("sagactl \\(this client\\) +0\\.15");
	}

	@Test
	void comparesTheRunWithTheBrokerAloneWhenMeasured() {
		Yardstick.Result yardstick = new Yardstick.Result(200_000, 300, Duration.ofSeconds(2));

		String text = ReportText.render(LoadReports.burst(yardstick, List.of(), 0));

		assertThat(text).contains("100000 records/s of 300 bytes")
			.contains("= 20000 sagas/s at 5 records a saga; this run reached 5.0 % of that");
	}

	@Test
	void saysHowToMeasureTheBrokerWhenItWasNot() {
		assertThat(ReportText.render(LoadReports.burst(null, List.of(), 0))).contains("add --yardstick");
	}

	@Test
	void saysWhyTheBrokerCouldNotBeMeasuredWithoutFailingTheRun() {
		String text = ReportText.render(LoadReports.burst(null, "the yardstick's producer failed", List.of(), 0));

		assertThat(text).containsPattern("yardstick +failed, no ratio: the yardstick's producer failed")
			.containsPattern("result +passed");
	}

	@Test
	void namesMissingOrdersAndWhyTheRunFailed() {
		String text = ReportText.render(LoadReports.burst(null, List.of("1 accepted orders had no decision"), 1));

		assertThat(text).containsPattern("missing +o-missing").contains("FAILED: 1 accepted orders had no decision");
	}

}
