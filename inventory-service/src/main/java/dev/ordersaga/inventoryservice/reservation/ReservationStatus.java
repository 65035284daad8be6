package dev.ordersaga.inventoryservice.reservation;

/** Where an order's stock is. */
enum ReservationStatus {

	/** Units are held for the order. */
	RESERVED,
	/** Nothing was reserved: stock was short or a product unknown. */
	REJECTED,
	/** The units left stock: the order was confirmed. */
	COMMITTED,
	/** The units are back (or were never taken: the compensation came first). */
	RELEASED

}
