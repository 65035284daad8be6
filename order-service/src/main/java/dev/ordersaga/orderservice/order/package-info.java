/**
 * Orders: placing, reading and cancelling them over REST, and the order's side of the
 * saga, the state machine that turns inventory and payment reports into an outcome.
 */
@NullMarked
package dev.ordersaga.orderservice.order;

import org.jspecify.annotations.NullMarked;
