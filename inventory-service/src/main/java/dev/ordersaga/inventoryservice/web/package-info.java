/**
 * The inventory-service's web conventions: its domain failures mapped to problem
 * responses.
 */
@NullMarked
package dev.ordersaga.inventoryservice.web;

import org.jspecify.annotations.NullMarked;
