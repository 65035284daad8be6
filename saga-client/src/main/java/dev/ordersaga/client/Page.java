package dev.ordersaga.client;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a paged list, as the services answer {@code {"<items>":[...],"next":...}}.
 *
 * @param <T> the type of an item
 * @param items the page's items
 * @param next what to pass as {@code after=} for the next page; null on the last page
 */
public record Page<T>(List<T> items, @Nullable String next) {
}
