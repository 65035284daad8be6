/**
 * {@code sagactl replay}: moves a consumer group's position on a topic so it consumes
 * again.
 */
@NullMarked
package dev.ordersaga.ops.replay;

import org.jspecify.annotations.NullMarked;
