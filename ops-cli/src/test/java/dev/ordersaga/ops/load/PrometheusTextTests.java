package dev.ordersaga.ops.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTests {

	private static final String SCRAPE = """
			# HELP process_cpu_time_ns_total The "cpu time" used by the Java Virtual Machine process
			# TYPE process_cpu_time_ns_total counter
			process_cpu_time_ns_total{application="order-service"} 3.065E10
			# HELP process_cpu_usage The "recent cpu usage" for the Java Virtual Machine process
			process_cpu_usage{application="order-service"} 0.2289156626506024
			jvm_memory_used_bytes{application="order-service",area="heap",id="Eden Space"} 2.0E7
			jvm_memory_used_bytes{application="order-service",area="nonheap",id="Meta{space}"} 5.0E7 1700000000000
			process_uptime_seconds 120.8
			""";

	@Test
	void readsASampleWithLabels() {
		assertThat(PrometheusText.sum(SCRAPE, "process_cpu_time_ns_total")).hasValue(3.065E10);
	}

	@Test
	void sumsEverySampleOfAMetricWhateverItsLabelsAndTimestamps() {
		assertThat(PrometheusText.sum(SCRAPE, "jvm_memory_used_bytes")).hasValue(7.0E7);
	}

	@Test
	void readsASampleWithoutLabels() {
		assertThat(PrometheusText.sum(SCRAPE, "process_uptime_seconds")).hasValue(120.8);
	}

	@Test
	void doesNotTakeAMetricWhoseNameOnlyStartsTheSame() {
		assertThat(PrometheusText.sum(SCRAPE, "process_cpu")).isEmpty();
	}

	@Test
	void aMetricTheServiceDoesNotExportIsEmpty() {
		assertThat(PrometheusText.sum(SCRAPE, "process_resident_memory_bytes")).isEmpty();
	}

}
