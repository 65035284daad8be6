package dev.ordersaga.messaging.metrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The process's resident memory ({@code process.resident.memory}, in bytes), what the
 * operating system counts against the machine: heap, metaspace, code, thread stacks and
 * native buffers together. Read from {@code /proc/self/status}; not a number where there
 * is no such file.
 */
public class ResidentMemoryMetrics implements MeterBinder {

	private static final Path STATUS = Path.of("/proc/self/status");

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("process.resident.memory", ResidentMemoryMetrics::residentBytes)
			.description("Resident set size of the process")
			.baseUnit("bytes")
			.register(registry);
	}

	static double residentBytes() {
		try {
			for (String line : Files.readAllLines(STATUS)) {
				if (line.startsWith("VmRSS:")) {
					return kilobytes(line) * 1024.0;
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// not Linux, or /proc unreadable: no figure
		}
		return Double.NaN;
	}

	/** {@code "VmRSS:     123456 kB"} → 123456. */
	static long kilobytes(String statusLine) {
		String[] parts = statusLine.trim().split("\\s+");
		return Long.parseLong(parts[1]);
	}

}
