package dev.ordersaga.inventoryservice.product;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;

/** A product as the API shows it. */
record ProductView(@Schema(example = "SKU-1") String sku, @Schema(example = "Kettle") String name,
		@Schema(example = "12.50") BigDecimal unitPrice, @Schema(example = "EUR") String currency,
		@Schema(description = "received - shipped", example = "100") int onHand,
		@Schema(description = "Held for orders not yet decided", example = "2") int reserved,
		@Schema(description = "onHand - reserved", example = "98") int available,
		@Schema(description = "Units put in through the API", example = "120") int received,
		@Schema(description = "Units that left with confirmed orders", example = "20") int shipped) {

	static ProductView of(Product product) {
		return new ProductView(product.sku(), product.name(), product.unitPrice(), product.currency(), product.onHand(),
				product.reserved(), product.available(), product.received(), product.shipped());
	}

}
