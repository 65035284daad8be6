/**
 * The inventory-service: keeps the product catalog and its stock, prices orders and
 * reserves, commits or releases their units as the saga goes.
 */
@NullMarked
package dev.ordersaga.inventoryservice;

import org.jspecify.annotations.NullMarked;
