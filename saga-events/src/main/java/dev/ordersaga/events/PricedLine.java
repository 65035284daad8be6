package dev.ordersaga.events;

import java.math.BigDecimal;

/**
 * A reserved order line with the unit price inventory charged for it. The currency is the
 * reservation's: every line of an order is priced in the same one.
 */
public record PricedLine(String sku, int quantity, BigDecimal unitPrice) {

	public PricedLine {
		Require.text(sku, "sku");
		Require.present(unitPrice, "unitPrice");
	}

	/** What the line costs, priced in the reservation's currency. */
	public Money amountIn(String currency) {
		return new Money(this.unitPrice, currency).times(this.quantity);
	}

}
