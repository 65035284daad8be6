package dev.ordersaga.events;

/** Why an order was cancelled. */
public enum CancellationReason {

	CUSTOMER_REQUEST

}
