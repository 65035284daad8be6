/**
 * The inventory-service's listeners: thin adapters from saga events to stock use cases.
 */
@NullMarked
package dev.ordersaga.inventoryservice.messaging;

import org.jspecify.annotations.NullMarked;
