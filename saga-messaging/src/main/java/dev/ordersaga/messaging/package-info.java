/**
 * Shared Spring Boot auto-configuration for the saga's services: Kafka producer and
 * consumer set-up, the transactional outbox, idempotent event consumption, dead-letter
 * routing, health and API error responses. A service adds this module and gets all of it
 * configured once, the same way.
 */
@NullMarked
package dev.ordersaga.messaging;

import org.jspecify.annotations.NullMarked;
