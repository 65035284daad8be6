package dev.ordersaga.paymentservice.payment;

/** Where an order's money is. */
enum PaymentState {

	/** The total was taken from the account. */
	CHARGED,
	/** Nothing was taken: unknown customer, another currency or too little money. */
	DECLINED,
	/** The charge was given back. */
	REFUNDED,
	/** The order was rejected or cancelled before payment saw it: it is never charged. */
	VOIDED

}
