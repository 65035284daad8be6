package dev.ordersaga.orderservice.order;

/**
 * A {@code GET /orders/{id}?wait=} refused because as many requests as allowed are
 * waiting already; the client may ask again without {@code wait}, or later.
 */
public class TooManyWaitingRequestsException extends RuntimeException {

	TooManyWaitingRequestsException(int maxWaiting) {
		super("Too many requests are waiting for orders (at most " + maxWaiting
				+ "); ask again later, or without wait");
	}

}
