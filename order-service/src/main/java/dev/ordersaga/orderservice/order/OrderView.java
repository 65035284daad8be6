package dev.ordersaga.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An order as the API shows it. */
record OrderView(UUID orderId, String customerId, OrderStatus status, List<Item> items,
		@Nullable BigDecimal totalAmount, @Nullable String currency, @Nullable String reason, Instant createdAt,
		Instant updatedAt, List<Change> history) {

	record Item(String sku, int quantity, @Nullable BigDecimal unitPrice) {
	}

	record Change(OrderStatus status, @Nullable String reason, Instant at) {
	}

	static OrderView of(Order order) {
		return new OrderView(order.id(), order.customerId(), order.status(),
				order.lines().stream().map((l) -> new Item(l.sku(), l.quantity(), l.unitPrice())).toList(),
				order.totalAmount(), order.currency(), name(order.reason()), order.createdAt(), order.updatedAt(),
				order.history().stream().map((c) -> new Change(c.status(), name(c.reason()), c.at())).toList());
	}

	private static @Nullable String name(@Nullable OrderReason reason) {
		return (reason != null) ? reason.name() : null;
	}

}
