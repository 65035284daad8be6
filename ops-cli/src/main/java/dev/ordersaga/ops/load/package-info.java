/**
 * {@code sagactl load}: the project's load generator. It creates its own products and
 * accounts, places orders over HTTP in a burst, at a fixed rate or one at a time, takes
 * each order's decision from the decision topics on Kafka (never from the services' own
 * metrics), and reports completed sagas per second, outcomes, latencies, and each
 * service's CPU time per saga and memory, optionally beside the broker's own producer
 * throughput measured in the same run.
 */
@NullMarked
package dev.ordersaga.ops.load;

import org.jspecify.annotations.NullMarked;
