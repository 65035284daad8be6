/**
 * Process metrics Micrometer does not bind by itself, which the load benchmark
 * ({@code sagactl load}) reads from every service.
 */
@NullMarked
package dev.ordersaga.messaging.metrics;

import org.jspecify.annotations.NullMarked;
