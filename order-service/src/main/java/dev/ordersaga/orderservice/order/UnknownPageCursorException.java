package dev.ordersaga.orderservice.order;

import java.util.UUID;

/**
 * A page was asked for after an order that does not exist, so where it starts is unknown.
 */
public class UnknownPageCursorException extends RuntimeException {

	UnknownPageCursorException(UUID after) {
		super("after: no order " + after);
	}

}
