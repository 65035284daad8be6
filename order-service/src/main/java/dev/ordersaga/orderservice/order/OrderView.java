package dev.ordersaga.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it. The nested records are named for the document, where
 * another {@code Item} (the request's) would take their place.
 */
record OrderView(@Schema(example = "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b") UUID orderId,
		@Schema(example = "c-1") String customerId, OrderStatus status, List<Item> items,
		@Schema(description = "Once priced", example = "25.00") @Nullable BigDecimal totalAmount,
		@Schema(description = "Once priced", example = "EUR") @Nullable String currency,
		@Schema(description = "Why it was REJECTED or CANCELLED", example = "OUT_OF_STOCK") @Nullable String reason,
		Instant createdAt, Instant updatedAt, List<Change> history) {

	@Schema(name = "OrderItem")
	record Item(@Schema(example = "SKU-1") String sku, @Schema(example = "2") int quantity,
			@Schema(description = "Once priced", example = "12.50") @Nullable BigDecimal unitPrice) {
	}

	@Schema(name = "OrderStatusChange")
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
