package dev.ordersaga.orderservice.order;

import java.time.Duration;

/**
 * A new order refused because the saga is too far behind to decide it before its
 * deadline; the client should try again after {@link #retryAfter()}.
 */
public class OrdersOverloadedException extends RuntimeException {

	private final Duration retryAfter;

	OrdersOverloadedException(String message, Duration retryAfter) {
		super(message);
		this.retryAfter = retryAfter;
	}

	public Duration retryAfter() {
		return this.retryAfter;
	}

	/** The {@code Retry-After} header's value: whole seconds, at least one. */
	public String retryAfterSeconds() {
		return String.valueOf(Math.max(1, this.retryAfter.toSeconds()));
	}

}
