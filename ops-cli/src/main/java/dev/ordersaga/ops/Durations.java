package dev.ordersaga.ops;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people write them: {@code 30s}, {@code 500ms}, {@code 2m}. */
public final class Durations {

	private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

	private Durations() {
	}

	/** The duration given to an option; a usage error naming the option otherwise. */
	public static Duration parse(String option, String text) {
		Matcher matcher = FORMAT.matcher(text.trim());
		if (!matcher.matches()) {
			throw new IllegalArgumentException(option + ": '" + text + "' is not a duration such as 30s, 500ms or 2m");
		}
		long amount = Long.parseLong(matcher.group(1));
		return switch (matcher.group(2)) {
			case "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m" -> Duration.ofMinutes(amount);
			default -> Duration.ofHours(amount);
		};
	}

}
