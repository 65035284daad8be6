/**
 * {@code sagactl topics}: every saga topic with its offsets and each consumer group's
 * lag.
 */
@NullMarked
package dev.ordersaga.ops.topics;

import org.jspecify.annotations.NullMarked;
