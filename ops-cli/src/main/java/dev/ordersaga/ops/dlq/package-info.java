/** {@code sagactl dlq}: the dead-letter topics, listed and shown. */
@NullMarked
package dev.ordersaga.ops.dlq;

import org.jspecify.annotations.NullMarked;
