package dev.ordersaga.ops.load;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

/**
 * CPU time and memory of every service (from its process metrics), of this client and of
 * the whole machine, read at one moment.
 */
record ResourceSample(Map<String, Service> services, MachineCpu.@Nullable Sample machine, Duration clientCpu) {

	/** Micrometer's process CPU counter. */
	static final String CPU = "process_cpu_time_ns_total";

	/** Resident memory of the process, where the service exports it. */
	static final String RESIDENT = "process_resident_memory_bytes";

	/** The JVM's memory pools, heap and non-heap: less than resident, always there. */
	static final String JVM_USED = "jvm_memory_used_bytes";

	/** One service's figures; all empty when its metrics could not be read. */
	record Service(OptionalDouble cpuNanos, OptionalDouble residentBytes, OptionalDouble jvmUsedBytes) {

		static final Service UNREADABLE = new Service(OptionalDouble.empty(), OptionalDouble.empty(),
				OptionalDouble.empty());

		static Service of(@Nullable String metrics) {
			if (metrics == null) {
				return UNREADABLE;
			}
			return new Service(PrometheusText.sum(metrics, CPU), PrometheusText.sum(metrics, RESIDENT),
					PrometheusText.sum(metrics, JVM_USED));
		}

	}

	static ResourceSample take(SagaApis apis) {
		Map<String, Service> services = new LinkedHashMap<>();
		apis.metrics().forEach((name, metrics) -> services.put(name, Service.of(metrics)));
		return new ResourceSample(services, MachineCpu.read(), cpuOfThisProcess());
	}

	private static Duration cpuOfThisProcess() {
		return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
	}

}
