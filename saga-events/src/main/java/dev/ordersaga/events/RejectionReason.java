package dev.ordersaga.events;

/** Why an order was rejected. */
public enum RejectionReason {

	OUT_OF_STOCK, UNKNOWN_SKU, PAYMENT_DECLINED, TIMEOUT,
	/**
	 * The order's products are priced in more than one currency: there is no single total
	 * to charge.
	 */
	MIXED_CURRENCIES

}
