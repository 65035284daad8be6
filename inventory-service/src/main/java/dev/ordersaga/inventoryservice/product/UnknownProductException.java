package dev.ordersaga.inventoryservice.product;

/** No product in the catalog has this sku. */
public class UnknownProductException extends RuntimeException {

	UnknownProductException(String sku) {
		super("No product " + sku);
	}

}
