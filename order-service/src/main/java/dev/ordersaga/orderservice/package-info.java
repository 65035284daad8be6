/**
 * The order-service: takes orders over REST and is the one place that decides each
 * order's outcome from what inventory and payment report.
 */
@NullMarked
package dev.ordersaga.orderservice;

import org.jspecify.annotations.NullMarked;
