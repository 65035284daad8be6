package dev.ordersaga.orderservice.order;

import java.util.UUID;

/** A rejected or cancelled order cannot be cancelled (again). */
public class OrderNotCancellableException extends RuntimeException {

	OrderNotCancellableException(UUID orderId, OrderStatus status) {
		super("Order " + orderId + " is " + status + " and can no longer be cancelled");
	}

}
