package dev.ordersaga.inventoryservice.product;

/**
 * A new count on hand would not cover the units already reserved for open orders: those
 * orders could no longer be shipped.
 */
public class StockBelowReservedException extends RuntimeException {

	StockBelowReservedException(int onHand, int reserved) {
		super("onHand " + onHand + " is below the " + reserved + " units reserved for open orders");
	}

}
