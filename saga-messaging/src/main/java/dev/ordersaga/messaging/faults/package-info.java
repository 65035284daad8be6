/**
 * A switch that injects failures and latency into a running service's event handlers, for
 * tests, demos and chaos runs. Off by default.
 */
@NullMarked
package dev.ordersaga.messaging.faults;

import org.jspecify.annotations.NullMarked;
