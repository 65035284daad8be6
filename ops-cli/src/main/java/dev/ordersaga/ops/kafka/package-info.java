/**
 * How {@code sagactl} talks to Kafka: clients that fail fast, and records rendered as
 * JSON.
 */
@NullMarked
package dev.ordersaga.ops.kafka;

import org.jspecify.annotations.NullMarked;
