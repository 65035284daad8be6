/**
 * The published language of the order saga: the events the services exchange, the topics
 * they travel on and the headers that carry their metadata. Nothing here depends on
 * Spring, JPA or Kafka, so any client can share these types.
 */
@NullMarked
package dev.ordersaga.events;

import org.jspecify.annotations.NullMarked;
