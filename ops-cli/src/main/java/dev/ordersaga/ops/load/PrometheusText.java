package dev.ordersaga.ops.load;

import java.util.OptionalDouble;

/**
 * Reads one metric from Prometheus' text exposition format, as a service's
 * {@code /actuator/prometheus} answers it.
 */
final class PrometheusText {

	private PrometheusText() {
	}

	/**
	 * The sum of every sample of the metric, whatever its labels; empty when the text has
	 * no sample of it.
	 */
	static OptionalDouble sum(String text, String metric) {
		double sum = 0;
		boolean found = false;
		for (String line : text.split("\n")) {
			if (!line.startsWith(metric) || line.length() == metric.length()) {
				continue;
			}
			char next = line.charAt(metric.length());
			if (next != '{' && next != ' ') {
				continue; // another metric whose name starts the same
			}
			String rest = (next == '{') ? line.substring(line.lastIndexOf('}') + 1) : line.substring(metric.length());
			String[] fields = rest.trim().split(" ");
			try {
				sum += Double.parseDouble(fields[0]);
				found = true;
			}
			catch (NumberFormatException ex) {
				// not a sample after all: skip it
			}
		}
		return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
	}

}
