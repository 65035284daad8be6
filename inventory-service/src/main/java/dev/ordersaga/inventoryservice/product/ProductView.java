package dev.ordersaga.inventoryservice.product;

import java.math.BigDecimal;

/** A product as the API shows it. */
record ProductView(String sku, String name, BigDecimal unitPrice, String currency, int onHand, int reserved,
		int available, int received, int shipped) {

	static ProductView of(Product product) {
		return new ProductView(product.sku(), product.name(), product.unitPrice(), product.currency(), product.onHand(),
				product.reserved(), product.available(), product.received(), product.shipped());
	}

}
