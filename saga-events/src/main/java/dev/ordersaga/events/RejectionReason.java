package dev.ordersaga.events;

/** Why an order was rejected. */
public enum RejectionReason {

	OUT_OF_STOCK, UNKNOWN_SKU, PAYMENT_DECLINED, TIMEOUT,
	/**
	 * The order's products are priced in more than one currency: there is no single total
	 * to charge.
	 */
	MIXED_CURRENCIES,
	/**
	 * The charge's amount or currency is not the reserved total: the charge is refunded
	 * and the order goes no further.
	 */
	PAYMENT_MISMATCH

}
