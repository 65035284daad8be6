package dev.ordersaga.events;

/** Why an order was rejected. */
public enum RejectionReason {

	OUT_OF_STOCK, UNKNOWN_SKU, PAYMENT_DECLINED, TIMEOUT

}
