/**
 * Kafka set-up shared by every service: the event codec, topics, dead-letter routing and
 * health.
 */
@NullMarked
package dev.ordersaga.messaging.kafka;

import org.jspecify.annotations.NullMarked;
