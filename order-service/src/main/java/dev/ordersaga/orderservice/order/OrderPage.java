package dev.ordersaga.orderservice.order;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A page of orders, newest first; {@code next} is the {@code after} of the following
 * page.
 */
record OrderPage(List<OrderView> orders, @Nullable UUID next) {
}
