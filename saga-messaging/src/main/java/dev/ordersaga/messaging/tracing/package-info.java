/**
 * One trace per order across the services: the outbox stores the trace context of the
 * transaction that wrote an event, the relay publishes it as the record's W3C
 * {@code traceparent}, and the inbox handles each record in a consumer span whose parent
 * is that context. The log context carries the order and the record's coordinates.
 */
@NullMarked
package dev.ordersaga.messaging.tracing;

import org.jspecify.annotations.NullMarked;
