/** {@code sagactl analytics}: rebuilding analytics' figures from the topics. */
@NullMarked
package dev.ordersaga.ops.analytics;

import org.jspecify.annotations.NullMarked;
