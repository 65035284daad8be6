package dev.ordersaga.ops.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The whole machine's CPU time from Linux' {@code /proc/stat}: every process counts,
 * Kafka, PostgreSQL, Redis and this client included.
 */
final class MachineCpu {

	private static final Path PROC_STAT = Path.of("/proc/stat");

	/**
	 * The machine's CPU counters (clock ticks summed over every CPU) and when they were
	 * read.
	 */
	record Sample(long busy, long total, int cpus, long nanos) {
	}

	private MachineCpu() {
	}

	/** The counters now, or null where {@code /proc/stat} cannot be read. */
	static @Nullable Sample read() {
		try {
			return parse(Files.readAllLines(PROC_STAT), System.nanoTime());
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * Busy is user, nice, system, irq, softirq and steal time (guest time is already in
	 * user); idle and iowait are not.
	 */
	static Sample parse(List<String> lines, long nanos) {
		String[] cpu = lines.get(0).trim().split("\\s+");
		if (!cpu[0].equals("cpu") || cpu.length < 9) {
			throw new IllegalArgumentException("not /proc/stat: " + lines.get(0));
		}
		long user = Long.parseLong(cpu[1]);
		long nice = Long.parseLong(cpu[2]);
		long system = Long.parseLong(cpu[3]);
		long idle = Long.parseLong(cpu[4]);
		long iowait = Long.parseLong(cpu[5]);
		long irq = Long.parseLong(cpu[6]);
		long softirq = Long.parseLong(cpu[7]);
		long steal = Long.parseLong(cpu[8]);
		long busy = user + nice + system + irq + softirq + steal;
		int cpus = (int) lines.stream().filter((line) -> line.matches("cpu\\d+ .*")).count();
		return new Sample(busy, busy + idle + iowait, Math.max(1, cpus), nanos);
	}

	/**
	 * CPU milliseconds the machine spent between two samples: the busy share of the ticks
	 * times the wall-clock time on every CPU (so the kernel's tick rate does not matter).
	 */
	static double busyMillis(Sample before, Sample after) {
		long total = after.total() - before.total();
		if (total <= 0) {
			return 0;
		}
		double share = (double) (after.busy() - before.busy()) / total;
		return share * (after.nanos() - before.nanos()) / 1e6 * after.cpus();
	}

}
