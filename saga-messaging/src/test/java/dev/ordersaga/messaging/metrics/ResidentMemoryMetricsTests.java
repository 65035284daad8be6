package dev.ordersaga.messaging.metrics;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import static org.assertj.core.api.Assertions.assertThat;

class ResidentMemoryMetricsTests {

	@Test
	void readsTheKilobytesOfAStatusLine() {
		assertThat(ResidentMemoryMetrics.kilobytes("VmRSS:\t  345216 kB")).isEqualTo(345216);
	}

	@Test
	@EnabledOnOs(OS.LINUX)
	void reportsThisProcesssResidentMemoryOnLinux() {
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		new ResidentMemoryMetrics().bindTo(registry);

		double bytes = registry.get("process.resident.memory").gauge().value();
		long heapInUse = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
		assertThat(bytes).isGreaterThan((double) heapInUse).isLessThan(64.0 * 1024 * 1024 * 1024);
	}

}
