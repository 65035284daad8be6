/**
 * {@code sagactl}, the operator CLI: works with the saga's topics, puts the saga under
 * load, and checks the books across the services.
 */
@NullMarked
package dev.ordersaga.ops;

import org.jspecify.annotations.NullMarked;
