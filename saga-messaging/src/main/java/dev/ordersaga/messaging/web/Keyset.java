package dev.ordersaga.messaging.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;

/**
 * How every list endpoint pages: at most {@link #MAX_LIMIT} items, sorted by a key, and
 * {@code next}, the key of the last item, when more follow; the client passes it back as
 * {@code after}. A keyset, not an offset: a page costs the same wherever it starts, and
 * rows added meanwhile are neither skipped nor repeated.
 */
public final class Keyset {

	/** The most items a page holds ({@code limit} is 1 to this). */
	public static final int MAX_LIMIT = 100;

	private Keyset() {
	}

	/**
	 * Where a page starts: after the row whose sort keys are {@code keys}, or at the
	 * beginning when there are none.
	 */
	public static KeysetScrollPosition after(@Nullable Map<String, ?> keys) {
		return (keys != null) ? ScrollPosition.forward(keys) : ScrollPosition.keyset();
	}

	/** Where a page starts when rows are sorted by one unique property. */
	public static KeysetScrollPosition after(String property, @Nullable Object key) {
		return after((key != null) ? Map.of(property, key) : null);
	}

	/** The page's items as views. */
	public static <T, V> List<V> items(Window<T> window, Function<T, V> view) {
		return window.map(view).getContent();
	}

	/**
	 * The cursor of the following page: the last item's key, or null on the last page.
	 */
	public static <V, K> @Nullable K next(Window<?> window, List<V> items, Function<V, K> key) {
		return (window.hasNext() && !items.isEmpty()) ? key.apply(items.get(items.size() - 1)) : null;
	}

}
