/** The product catalog and each product's stock: units on hand and units reserved. */
@NullMarked
package dev.ordersaga.inventoryservice.product;

import org.jspecify.annotations.NullMarked;
