package dev.ordersaga.inventoryservice.reservation;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.SagaEvent;

/**
 * What a batch of order events will change, to be locked before any of them is handled
 * (ADR 0007): the products of the new orders, by sku in sku order, and the reservations
 * of the decided ones (whose products are known only once those are read).
 */
record StockLocks(Set<String> skus, List<UUID> decidedOrders) {

	static StockLocks of(List<SagaEvent> events) {
		Set<String> skus = new TreeSet<>();
		List<UUID> decided = new ArrayList<>();
		for (SagaEvent event : events) {
			switch (event) {
				case OrderCreated created -> created.items().forEach((item) -> skus.add(item.sku()));
				case OrderConfirmed confirmed -> decided.add(confirmed.orderId().value());
				case OrderRejected rejected -> decided.add(rejected.orderId().value());
				case OrderCancelled cancelled -> decided.add(cancelled.orderId().value());
				default -> {
					// changes no stock
				}
			}
		}
		return new StockLocks(skus, decided);
	}

	/** The skus to lock, in sku order, once the decided orders' reservations are read. */
	Set<String> skusWith(List<Reservation> decided) {
		Set<String> all = new TreeSet<>(this.skus);
		decided.forEach((reservation) -> all.addAll(reservation.skus()));
		return all;
	}

}
