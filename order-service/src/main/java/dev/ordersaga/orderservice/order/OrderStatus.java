package dev.ordersaga.orderservice.order;

/**
 * Where an order is in the saga. {@code PENDING → RESERVED → CONFIRMED}, or
 * {@code REJECTED}, or {@code CANCELLED}. A confirmed order can still be cancelled.
 */
enum OrderStatus {

	PENDING, RESERVED, CONFIRMED, REJECTED, CANCELLED;

	/**
	 * The saga has decided: no report from inventory or payment moves the order any more.
	 */
	public boolean isDecided() {
		return this == CONFIRMED || this == REJECTED || this == CANCELLED;
	}

	/** Nothing at all moves the order any more, not even a cancellation. */
	public boolean isFinal() {
		return this == REJECTED || this == CANCELLED;
	}

}
