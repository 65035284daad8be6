/**
 * The transactional outbox: events recorded with the change they describe, published to
 * Kafka after commit.
 */
@NullMarked
package dev.ordersaga.messaging.outbox;

import org.jspecify.annotations.NullMarked;
