package dev.ordersaga.events;

import java.util.List;

/**
 * Contract checks for event records: a violated contract is a record that can never
 * succeed.
 */
public final class Require {

	private Require() {
	}

	public static <T> T present(T value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("missing required field '" + field + "'");
		}
		return value;
	}

	public static String text(String value, String field) {
		if (present(value, field).isBlank()) {
			throw new IllegalArgumentException("blank required field '" + field + "'");
		}
		return value;
	}

	public static <T> List<T> nonEmpty(List<T> values, String field) {
		if (present(values, field).isEmpty()) {
			throw new IllegalArgumentException("empty required field '" + field + "'");
		}
		return List.copyOf(values);
	}

}
