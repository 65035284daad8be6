/**
 * {@code sagactl}, the operator CLI: checks the books across the services and works with
 * the saga's topics.
 */
@NullMarked
package dev.ordersaga.ops;

import org.jspecify.annotations.NullMarked;
