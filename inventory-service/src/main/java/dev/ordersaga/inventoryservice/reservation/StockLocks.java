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
 * (ADR 0007): the reservations of the orders, new and decided (a new order's is read to
 * learn that it has none yet), and the products of the new orders and of those
 * reservations, by sku in sku order (a decided order's are known only once its
 * reservation is read).
 */
record StockLocks(Set<String> skus, List<UUID> orders) {

	static StockLocks of(List<SagaEvent> events) {
		Set<String> skus = new TreeSet<>();
		List<UUID> orders = new ArrayList<>();
		for (SagaEvent event : events) {
			switch (event) {
				case OrderCreated created -> {
					orders.add(created.orderId().value());
					created.items().forEach((item) -> skus.add(item.sku()));
				}
				case OrderConfirmed confirmed -> orders.add(confirmed.orderId().value());
				case OrderRejected rejected -> orders.add(rejected.orderId().value());
				case OrderCancelled cancelled -> orders.add(cancelled.orderId().value());
				default -> {
					// changes no stock
				}
			}
		}
		return new StockLocks(skus, orders);
	}

	/** The skus to lock, in sku order, once the orders' reservations are read. */
	Set<String> skusWith(List<Reservation> reservations) {
		Set<String> all = new TreeSet<>(this.skus);
		reservations.forEach((reservation) -> all.addAll(reservation.skus()));
		return all;
	}

}
