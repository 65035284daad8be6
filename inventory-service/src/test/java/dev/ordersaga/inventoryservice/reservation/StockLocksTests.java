package dev.ordersaga.inventoryservice.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.inventoryservice.product.Product;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a batch of order events locks before it is handled (ADR 0007). */
class StockLocksTests {

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	@Test
	void aBatchLocksEveryOrdersReservationThenTheProductsOfNewOrdersAndOfThoseReservationsInSkuOrder() {
		OrderCreated created = order(new OrderLine("SKU-B", 1), new OrderLine("SKU-A", 1));
		OrderId cancelled = OrderId.random();
		OrderId confirmed = OrderId.random();
		StockLocks locks = StockLocks
			.of(List.of(created, new OrderCancelled(cancelled, "c-2", CancellationReason.CUSTOMER_REQUEST),
					new OrderConfirmed(confirmed, "c-3", BigDecimal.ONE, "EUR")));

		assertThat(locks.orders()).containsExactly(created.orderId().value(), cancelled.value(), confirmed.value());
		Reservation reserved = Reservation
			.reserve(new OrderCreated(cancelled, "c-2", List.of(new OrderLine("SKU-C", 1)), T0),
					Map.of("SKU-C", new Product("SKU-C", "Gizmo", BigDecimal.ONE, "EUR", 1)), T0)
			.reservation();
		assertThat(locks.skusWith(List.of(reserved))).containsExactly("SKU-A", "SKU-B", "SKU-C");
	}

	@Test
	void eventsThatChangeNoStockLockNothing() {
		OrderId orderId = OrderId.random();
		StockLocks locks = StockLocks.of(List.of(InventoryUpdated.rejected(orderId, "c-1", RejectionReason.TIMEOUT)));

		assertThat(locks.orders()).isEmpty();
		assertThat(locks.skusWith(List.of())).isEmpty();
	}

	private static OrderCreated order(OrderLine... lines) {
		return new OrderCreated(OrderId.random(), "c-1", List.of(lines), T0);
	}

}
