package dev.ordersaga.orderservice.order;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** A line of an order; the unit price is known once inventory priced the order. */
@Embeddable
class OrderLineItem {

	@Column(nullable = false)
	private String sku;

	@Column(nullable = false)
	private int quantity;

	@Column(name = "unit_price")
	private @Nullable BigDecimal unitPrice;

	protected OrderLineItem() {
		this.sku = "";
	}

	OrderLineItem(String sku, int quantity) {
		this.sku = sku;
		this.quantity = quantity;
	}

	public String sku() {
		return this.sku;
	}

	public int quantity() {
		return this.quantity;
	}

	public @Nullable BigDecimal unitPrice() {
		return this.unitPrice;
	}

	void price(BigDecimal unitPrice) {
		this.unitPrice = unitPrice;
	}

}
