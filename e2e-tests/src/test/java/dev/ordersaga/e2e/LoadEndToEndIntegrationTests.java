package dev.ordersaga.e2e;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code sagactl load} against the packaged services: each mode places its orders, sees
 * every one decided on Kafka and reports the figures, per service included. Outcomes
 * only: speed is for the benchmark, not for tests.
 */
@ExtendWith(ThreadDumpsOnFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoadEndToEndIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> SERVICES = List.of("order-service", "inventory-service", "payment-service",
			"notification-service", "analytics-service");

	private RunningSaga saga;

	@BeforeAll
	void startTheSaga() {
		this.saga = RunningSaga.get();
	}

	@Test
	void aBurstConfirmsEveryOrderAndReportsThroughputLatencyAndEachServicesCpuBesideTheBrokerAlone() {
		Sagactl.Load run = Sagactl.load(this.saga, "burst", "--orders", "60", "--in-flight", "8", "--skus", "5",
				"--customers", "4", "--json", "--no-progress", "--yardstick", "20000");

		assertThat(run.exitCode()).as(run.errors() + run.report()).isZero();
		JsonNode report = JSON.readTree(run.report());
		assertThat(report.get("mode").asString()).isEqualTo("burst");
		assertEveryOrderConfirmed(report, 60);
		assertThat(report.get("completedSagasPerSecond").asDouble()).isPositive();
		assertThat(report.get("elapsedSeconds").asDouble()).isPositive();
		assertLatencies(report.at("/latencyMs/decision"), 60);
		assertLatencies(report.at("/latencyMs/post"), 60);
		for (String service : SERVICES) {
			JsonNode figures = report.at("/services/" + service);
			assertThat(figures.get("cpuMsPerSaga").asDouble()).as(service).isPositive();
			assertThat(figures.get("memoryBytes").asLong()).as(service).isPositive();
			assertThat(figures.get("memoryMetric").asString()).as(service).endsWith("_bytes");
		}
		assertThat(report.at("/cpuMsPerSaga/servicesCounted").asInt()).isEqualTo(5);
		assertThat(report.at("/cpuMsPerSaga/services").asDouble()).isPositive();
		assertThat(report.at("/cpuMsPerSaga/machine").asDouble()).isPositive();
		assertThat(report.at("/yardstick/records").asInt()).isEqualTo(20000);
		assertThat(report.at("/yardstick/recordsPerSecond").asDouble()).isPositive();
		assertThat(report.at("/yardstick/ratio").asDouble()).isPositive();
		assertThat(report.get("passed").asBoolean()).isTrue();
		assertThat(topics()).noneMatch((topic) -> topic.startsWith("sagactl.yardstick"));
		// the load's orders moved stock and money like any others
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofSeconds(2))
			.untilAsserted(() -> assertThat(Sagactl.verify(this.saga).exitCode()).isZero());
	}

	@Test
	void oneOrderAtATimeIsConfirmedAndTheWaitingGetAgreesWithKafka() {
		Sagactl.Load run = Sagactl.load(this.saga, "serial", "--orders", "10", "--lines", "2", "--json",
				"--no-progress");

		assertThat(run.exitCode()).as(run.errors() + run.report()).isZero();
		JsonNode report = JSON.readTree(run.report());
		assertEveryOrderConfirmed(report, 10);
		assertLatencies(report.at("/latencyMs/wait"), 10);
		assertLatencies(report.at("/latencyMs/decision"), 10);
	}

	@Test
	void anOpenLoopPlacesItsOrdersAndEveryOneIsConfirmed() {
		Sagactl.Load run = Sagactl.load(this.saga, "rate", "--rate", "10", "--duration", "3s", "--warmup", "5",
				"--json", "--no-progress");

		assertThat(run.exitCode()).as(run.errors() + run.report()).isZero();
		JsonNode report = JSON.readTree(run.report());
		assertEveryOrderConfirmed(report, 30);
		assertThat(report.at("/schedule/offeredPerSecond").asDouble()).isEqualTo(10.0);
		assertThat(report.at("/settings/warmup").asInt()).isEqualTo(5);
		assertLatencies(report.at("/latencyMs/decision"), 30);
	}

	@Test
	void theTextReportNamesEveryFigureAndStderrTellsWhatIsGoingOn() {
		Sagactl.Load run = Sagactl.load(this.saga, "burst", "--orders", "20", "--in-flight", "4", "--warmup", "4");

		assertThat(run.exitCode()).as(run.errors() + run.report()).isZero();
		assertThat(run.report())
			.contains("sagactl load burst: 20 orders, 4 in flight", "CONFIRMED 20", "completed sagas/s",
					"order-service", "analytics-service", "machine (all processes)", "not measured (add --yardstick")
			.containsPattern("20 decided, 0 missing")
			.containsPattern("result +passed");
		assertThat(run.errors()).contains("setting up 100 products and 100 accounts", "warm-up: 4 posted, 4 decided");
	}

	@Test
	void anOrderServiceThatCannotBeReachedFailsTheRunWithExitCode1() {
		Sagactl.Run run = Sagactl.run(List.of("load", "burst", "--orders", "5", "--orders-url", "http://localhost:9",
				"--bootstrap", this.saga.infra.kafkaBootstrapServers()));

		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("cannot reach order-service at http://localhost:9");
	}

	private static void assertEveryOrderConfirmed(JsonNode report, int orders) {
		assertThat(report.at("/orders/posted").asInt()).isEqualTo(orders);
		assertThat(report.at("/orders/accepted").asInt()).isEqualTo(orders);
		assertThat(report.at("/orders/decided").asInt()).isEqualTo(orders);
		assertThat(report.at("/orders/missing").asInt()).isZero();
		assertThat(report.at("/orders/errors").asInt()).isZero();
		assertThat(report.at("/orders/shed").asInt()).isZero();
		assertThat(report.at("/outcomes/byStatus").propertyNames()).containsExactly("CONFIRMED");
		assertThat(report.at("/outcomes/byStatus/CONFIRMED").asInt()).isEqualTo(orders);
		assertThat(report.get("missingOrders")).isEmpty();
	}

	private static void assertLatencies(JsonNode latency, int count) {
		assertThat(latency.get("count").asInt()).isEqualTo(count);
		double p50 = latency.get("p50").asDouble();
		assertThat(p50).isPositive();
		assertThat(latency.get("p95").asDouble()).isGreaterThanOrEqualTo(p50);
		assertThat(latency.get("p99").asDouble()).isGreaterThanOrEqualTo(latency.get("p95").asDouble());
		assertThat(latency.get("max").asDouble()).isGreaterThanOrEqualTo(latency.get("p99").asDouble());
	}

	private List<String> topics() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.saga.infra.kafkaBootstrapServers()))) {
			return List.copyOf(admin.listTopics().names().get());
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot list the topics", ex);
		}
	}

}
