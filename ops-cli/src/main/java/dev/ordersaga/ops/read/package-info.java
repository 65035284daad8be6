/** {@code sagactl read}: records of a topic as JSON lines. */
@NullMarked
package dev.ordersaga.ops.read;

import org.jspecify.annotations.NullMarked;
