package dev.ordersaga.events;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Contract checks for event records: a violated contract is a record that can never
 * succeed.
 */
public final class Require {

	private Require() {
	}

	public static <T> T present(@Nullable T value, String field) {
		if (value == null) {
			throw new IllegalArgumentException("missing required field '" + field + "'");
		}
		return value;
	}

	public static String text(@Nullable String value, String field) {
		String present = present(value, field);
		if (present.isBlank()) {
			throw new IllegalArgumentException("blank required field '" + field + "'");
		}
		return present;
	}

	public static <T> List<T> nonEmpty(@Nullable List<T> values, String field) {
		List<T> present = present(values, field);
		if (present.isEmpty()) {
			throw new IllegalArgumentException("empty required field '" + field + "'");
		}
		return List.copyOf(present);
	}

}
