package dev.ordersaga.orderservice.order;

import java.util.UUID;

/**
 * An idempotency key already placed an order with another request: the key cannot place
 * this one, and answering with the earlier order would be a lie.
 */
public class IdempotencyKeyReusedException extends RuntimeException {

	IdempotencyKeyReusedException(UUID earlierOrderId) {
		super("Idempotency-Key was already used for another request (order " + earlierOrderId + ")");
	}

}
