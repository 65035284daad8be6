package dev.ordersaga.ops.load;

import java.util.Arrays;

/**
 * Latencies recorded from many threads, kept whole (microseconds) so that percentiles are
 * exact; read once the run is over.
 */
final class Latencies {

	/**
	 * Percentiles by the nearest-rank method, in milliseconds: p99 of 1,000 values is the
	 * 990th smallest. Empty when nothing was recorded.
	 */
	record Summary(int count, double p50, double p95, double p99, double max) {

		static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);

		boolean isEmpty() {
			return this.count == 0;
		}

	}

	private long[] micros = new long[1024];

	private int count;

	synchronized void record(long nanos) {
		if (this.count == this.micros.length) {
			this.micros = Arrays.copyOf(this.micros, this.micros.length * 2);
		}
		this.micros[this.count++] = Math.max(0, nanos / 1_000);
	}

	synchronized Summary summary() {
		return summarize(Arrays.copyOf(this.micros, this.count));
	}

	static Summary summarize(long[] micros) {
		if (micros.length == 0) {
			return Summary.EMPTY;
		}
		long[] sorted = micros.clone();
		Arrays.sort(sorted);
		return new Summary(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
				millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
	}

	/** The smallest value that at least {@code percent} % of the values do not exceed. */
	static long percentile(long[] sorted, double percent) {
		int rank = (int) Math.ceil(percent / 100 * sorted.length);
		return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
	}

	private static double millis(long micros) {
		return micros / 1_000.0;
	}

}
