/**
 * The order-service's listeners: thin adapters from saga events to the order use cases.
 */
@NullMarked
package dev.ordersaga.orderservice.messaging;

import org.jspecify.annotations.NullMarked;
