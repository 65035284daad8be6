package dev.ordersaga.events;

import java.math.BigDecimal;

/** A reserved order line with the unit price inventory charged for it. */
public record PricedLine(String sku, int quantity, BigDecimal unitPrice) {

	public PricedLine {
		Require.text(sku, "sku");
		Require.present(unitPrice, "unitPrice");
	}

	public BigDecimal amount() {
		return this.unitPrice.multiply(BigDecimal.valueOf(this.quantity));
	}

}
