package dev.ordersaga.orderservice.order;

import java.util.UUID;

/** No order has this id. */
public class UnknownOrderException extends RuntimeException {

	UnknownOrderException(UUID orderId) {
		super("No order " + orderId);
	}

}
