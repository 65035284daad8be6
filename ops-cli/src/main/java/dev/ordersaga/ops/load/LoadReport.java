package dev.ordersaga.ops.load;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

import org.jspecify.annotations.Nullable;

/**
 * Everything a load run measured, ready to print as text or JSON. Figures that could not
 * be measured are null.
 */
record LoadReport(Settings settings, Orders orders, Map<Outcome, Long> outcomes, Map<String, Long> errors,
		List<String> missingOrders, Duration elapsed, Latencies.Summary decisionLatency, Latencies.Summary postLatency,
		Latencies.@Nullable Summary waitLatency, @Nullable Schedule schedule, Resources resources,
		Yardstick.@Nullable Result yardstick, @Nullable String yardstickFailure, List<String> problems) {

	/** How many missing orders the report names. */
	static final int MISSING_NAMED = 20;

	/**
	 * What was asked for: the mode, a sentence about its shape, and every option's value.
	 */
	record Settings(String mode, String shape, Map<String, @Nullable Object> values) {
	}

	record Orders(int posted, int accepted, int shed, int errors, int decided, int missing, int duplicates) {
	}

	/** An open loop's sends against their schedule. */
	record Schedule(double perSecond, int late, Duration mostLate) {
	}

	/** Where a service's memory figure comes from. */
	enum Memory {

		RESIDENT(ResourceSample.RESIDENT), JVM_USED(ResourceSample.JVM_USED), UNKNOWN("");

		private final String metric;

		Memory(String metric) {
			this.metric = metric;
		}

		String metric() {
			return this.metric;
		}

	}

	record ServiceUse(String name, @Nullable Double cpuMsPerSaga, @Nullable Double memoryBytes, Memory memory) {
	}

	/**
	 * CPU per completed saga: each service, the services together (over those that could
	 * be read), the whole machine, and this client; memory of each service after the run.
	 */
	record Resources(List<ServiceUse> services, @Nullable Double servicesCpuMsPerSaga, int servicesCounted,
			@Nullable Double machineCpuMsPerSaga, int machineCpus, @Nullable Double clientCpuMsPerSaga) {

		static Resources between(ResourceSample before, ResourceSample after, int sagas) {
			List<ServiceUse> services = new ArrayList<>();
			double total = 0;
			int counted = 0;
			for (Map.Entry<String, ResourceSample.Service> entry : after.services().entrySet()) {
				ResourceSample.Service then = before.services().get(entry.getKey());
				ResourceSample.Service now = entry.getValue();
				Double cpu = null;
				if (sagas > 0 && then != null && then.cpuNanos().isPresent() && now.cpuNanos().isPresent()) {
					cpu = (now.cpuNanos().getAsDouble() - then.cpuNanos().getAsDouble()) / 1e6 / sagas;
					total += cpu;
					counted++;
				}
				services.add(memory(entry.getKey(), cpu, now));
			}
			Double machine = null;
			if (sagas > 0 && before.machine() != null && after.machine() != null) {
				machine = MachineCpu.busyMillis(before.machine(), after.machine()) / sagas;
			}
			Double client = (sagas > 0) ? after.clientCpu().minus(before.clientCpu()).toNanos() / 1e6 / sagas : null;
			return new Resources(services, (counted > 0) ? total : null, counted, machine,
					(after.machine() != null) ? after.machine().cpus() : 0, client);
		}

		private static ServiceUse memory(String name, @Nullable Double cpu, ResourceSample.Service sample) {
			OptionalDouble resident = sample.residentBytes();
			if (resident.isPresent()) {
				return new ServiceUse(name, cpu, resident.getAsDouble(), Memory.RESIDENT);
			}
			OptionalDouble used = sample.jvmUsedBytes();
			if (used.isPresent()) {
				return new ServiceUse(name, cpu, used.getAsDouble(), Memory.JVM_USED);
			}
			return new ServiceUse(name, cpu, null, Memory.UNKNOWN);
		}

	}

	boolean passed() {
		return this.problems.isEmpty();
	}

	/** Decisions per second, from the first POST to the last decision. */
	double completedPerSecond() {
		double seconds = this.elapsed.toNanos() / 1e9;
		return (seconds > 0) ? this.orders.decided() / seconds : 0;
	}

	/** How many sagas a second the broker could carry, by the yardstick. */
	@Nullable Double brokerSagasPerSecond() {
		return (this.yardstick != null) ? this.yardstick.recordsPerSecond() / Yardstick.RECORDS_PER_SAGA : null;
	}

	/**
	 * This run's completed sagas per second as a share of what the broker could carry.
	 */
	@Nullable Double shareOfBroker() {
		Double broker = brokerSagasPerSecond();
		return (broker != null && broker > 0) ? completedPerSecond() / broker : null;
	}

}
