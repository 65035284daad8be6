package dev.ordersaga.events;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The ids the APIs take for customers and SKUs, and a token's subject: 1 to 100 letters,
 * digits, {@code .}, {@code _} or {@code -}.
 */
public final class Ids {

	/** The rule as a regular expression, for {@code @Pattern(regexp = Ids.PATTERN)}. */
	public static final String PATTERN = "[A-Za-z0-9._-]{1,100}";

	/** What a refusal says of the rule. */
	public static final String RULE = "must be 1 to 100 letters, digits, '.', '_' or '-'";

	private static final Pattern COMPILED = Pattern.compile(PATTERN);

	private Ids() {
	}

	public static boolean isValid(@Nullable String id) {
		return id != null && COMPILED.matcher(id).matches();
	}

}
