package dev.ordersaga.events;

/** Why payment declined to charge an order. */
public enum DeclineReason {

	INSUFFICIENT_FUNDS, UNKNOWN_CUSTOMER,
	/** The order's total is in another currency than the customer's account. */
	CURRENCY_MISMATCH

}
