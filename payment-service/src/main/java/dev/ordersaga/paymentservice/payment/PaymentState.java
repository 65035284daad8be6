package dev.ordersaga.paymentservice.payment;

/** Where an order's money is. */
public enum PaymentState {

	/** The total was taken from the account. */
	CHARGED,
	/** Nothing was taken: unknown customer or too little money. */
	DECLINED,
	/** The charge was given back. */
	REFUNDED,
	/** The order was rejected or cancelled before payment saw it: it is never charged. */
	VOIDED

}
