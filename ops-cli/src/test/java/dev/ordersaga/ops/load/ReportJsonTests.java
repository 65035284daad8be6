package dev.ordersaga.ops.load;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJsonTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void isOneJsonObjectWithTheRunsFigures() {
		JsonNode report = JSON.readTree(ReportJson.render(LoadReports.burst(null, List.of(), 0)));

		assertThat(report.get("mode").asString()).isEqualTo("burst");
		assertThat(report.at("/settings/inFlight").asInt()).isEqualTo(64);
		assertThat(report.at("/settings/yardstickRecords").isNull()).isTrue();
		assertThat(report.at("/orders/decided").asInt()).isEqualTo(5000);
		assertThat(report.at("/orders/missing").asInt()).isZero();
		assertThat(report.get("completedSagasPerSecond").asDouble()).isEqualTo(1000.0);
		assertThat(report.at("/latencyMs/decision/p99").asDouble()).isEqualTo(120.0);
		assertThat(report.at("/latencyMs/post/max").asDouble()).isEqualTo(50.1);
		assertThat(report.get("passed").asBoolean()).isTrue();
		assertThat(report.get("problems")).isEmpty();
	}

	@Test
	void countsOutcomesByStatusAndRejectionsByReason() {
		JsonNode report = JSON.readTree(ReportJson.render(LoadReports.burst(null, List.of(), 0)));

		assertThat(report.at("/outcomes/byStatus/CONFIRMED").asLong()).isEqualTo(4998);
		assertThat(report.at("/outcomes/byStatus/REJECTED").asLong()).isEqualTo(2);
		assertThat(report.at("/outcomes/byReason/OUT_OF_STOCK").asLong()).isEqualTo(2);
	}

	@Test
	void givesEachServicesCpuAndMemoryAndNullWhereItCouldNotBeRead() {
		JsonNode report = JSON.readTree(ReportJson.render(LoadReports.burst(null, List.of(), 0)));

		assertThat(report.at("/services/order-service/cpuMsPerSaga").asDouble()).isEqualTo(0.8);
		assertThat(report.at("/services/order-service/memoryBytes").asLong()).isEqualTo(300L * 1024 * 1024);
		assertThat(report.at("/services/order-service/memoryMetric").asString())
			.isEqualTo("process_resident_memory_bytes");
		assertThat(report.at("/services/notification-service/memoryMetric").asString())
			.isEqualTo("jvm_memory_used_bytes");
		assertThat(report.at("/services/analytics-service/cpuMsPerSaga").isNull()).isTrue();
		assertThat(report.at("/services/analytics-service/memoryBytes").isNull()).isTrue();
		assertThat(report.at("/cpuMsPerSaga/services").asDouble()).isEqualTo(1.05);
		assertThat(report.at("/cpuMsPerSaga/machine").asDouble()).isEqualTo(3.2);
	}

	@Test
	void carriesTheRatioToTheBrokerAlone() {
		Yardstick.Result yardstick = new Yardstick.Result(200_000, 300, Duration.ofSeconds(2));

		JsonNode report = JSON.readTree(ReportJson.render(LoadReports.burst(yardstick, List.of(), 0)));

		assertThat(report.at("/yardstick/recordsPerSecond").asDouble()).isEqualTo(100_000.0);
		assertThat(report.at("/yardstick/sagasPerSecond").asDouble()).isEqualTo(20_000.0);
		assertThat(report.at("/yardstick/ratio").asDouble()).isEqualTo(0.05);
		assertThat(report.get("yardstickFailure").isNull()).isTrue();
	}

	@Test
	void saysWhyTheBrokerCouldNotBeMeasured() {
		JsonNode report = JSON
			.readTree(ReportJson.render(LoadReports.burst(null, "the yardstick's producer failed", List.of(), 0)));

		assertThat(report.get("yardstick").isNull()).isTrue();
		assertThat(report.get("yardstickFailure").asString()).isEqualTo("the yardstick's producer failed");
		assertThat(report.get("passed").asBoolean()).isTrue();
	}

	@Test
	void aFailedRunSaysWhy() {
		JsonNode report = JSON
			.readTree(ReportJson.render(LoadReports.burst(null, List.of("1 accepted orders had no decision"), 1)));

		assertThat(report.get("passed").asBoolean()).isFalse();
		assertThat(report.get("missingOrders").get(0).asString()).isEqualTo("o-missing");
		assertThat(report.get("problems").get(0).asString()).isEqualTo("1 accepted orders had no decision");
	}

}
