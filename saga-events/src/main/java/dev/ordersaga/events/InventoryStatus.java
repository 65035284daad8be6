package dev.ordersaga.events;

/** What inventory did with an order's stock. */
public enum InventoryStatus {

	/** Every line is reserved and priced. */
	RESERVED,
	/** Nothing is reserved; the reason says why. */
	REJECTED,
	/** The reserved units left stock for good (the order was confirmed). */
	COMMITTED,
	/** The reservation was released, or committed units were put back. */
	RELEASED

}
