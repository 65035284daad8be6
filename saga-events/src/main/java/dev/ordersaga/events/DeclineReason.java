package dev.ordersaga.events;

/** Why payment declined to charge an order. */
public enum DeclineReason {

	INSUFFICIENT_FUNDS, UNKNOWN_CUSTOMER

}
