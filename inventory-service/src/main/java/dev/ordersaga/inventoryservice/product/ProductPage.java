package dev.ordersaga.inventoryservice.product;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A page of products by SKU; {@code next} is the {@code after} of the following page. */
record ProductPage(List<ProductView> products, @Nullable String next) {
}
