/**
 * Rebuilding the figures from the topics: the order facts are a projection of the order
 * events, so they can be thrown away and consumed again.
 */
@NullMarked
package dev.ordersaga.analyticsservice.rebuild;

import org.jspecify.annotations.NullMarked;
