package dev.ordersaga.paymentservice.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import dev.ordersaga.events.InventoryStatus;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.SagaEvent;

/**
 * What a batch of events may change, to be locked before any of them is handled (ADR
 * 0007): the payments of the orders to charge, refund or void (an order to charge is read
 * to learn that it has no payment yet), and every account to charge or refund, in
 * customer order.
 */
record AccountLocks(Set<String> customers, List<UUID> orders) {

	static AccountLocks of(List<SagaEvent> events) {
		Set<String> customers = new TreeSet<>();
		List<UUID> orders = new ArrayList<>();
		for (SagaEvent event : events) {
			switch (event) {
				case InventoryUpdated update when update.status() == InventoryStatus.RESERVED -> {
					customers.add(update.customerId());
					orders.add(update.orderId().value());
				}
				case OrderRejected rejected -> {
					customers.add(rejected.customerId());
					orders.add(rejected.orderId().value());
				}
				case OrderCancelled cancelled -> {
					customers.add(cancelled.customerId());
					orders.add(cancelled.orderId().value());
				}
				default -> {
					// moves no money
				}
			}
		}
		return new AccountLocks(customers, orders);
	}

}
