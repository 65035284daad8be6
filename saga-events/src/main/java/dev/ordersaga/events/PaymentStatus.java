package dev.ordersaga.events;

/** What payment did with an order's money. */
public enum PaymentStatus {

	CHARGED, DECLINED, REFUNDED

}
