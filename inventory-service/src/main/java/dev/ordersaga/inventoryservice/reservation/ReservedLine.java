package dev.ordersaga.inventoryservice.reservation;

import java.math.BigDecimal;

import dev.ordersaga.events.PricedLine;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** Units of one product held for an order, at the price they were reserved for. */
@Embeddable
class ReservedLine {

	@Column(nullable = false)
	private String sku;

	@Column(nullable = false)
	private int quantity;

	@Column(name = "unit_price", nullable = false)
	private BigDecimal unitPrice;

	protected ReservedLine() {
		this("", 0, BigDecimal.ZERO);
	}

	ReservedLine(String sku, int quantity, BigDecimal unitPrice) {
		this.sku = sku;
		this.quantity = quantity;
		this.unitPrice = unitPrice;
	}

	String sku() {
		return this.sku;
	}

	int quantity() {
		return this.quantity;
	}

	PricedLine toPricedLine() {
		return new PricedLine(this.sku, this.quantity, this.unitPrice);
	}

}
