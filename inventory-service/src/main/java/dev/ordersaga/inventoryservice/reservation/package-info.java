/**
 * Reservations: the inventory's side of the saga. An order's units are reserved all or
 * none, then committed when the order is confirmed, or released (and restocked) when it
 * is rejected or cancelled.
 */
@NullMarked
package dev.ordersaga.inventoryservice.reservation;

import org.jspecify.annotations.NullMarked;
