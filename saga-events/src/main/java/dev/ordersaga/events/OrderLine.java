package dev.ordersaga.events;

/** One line of a placed order: a product and how many units of it. */
public record OrderLine(String sku, int quantity) {

	public OrderLine {
		Require.text(sku, "sku");
		if (quantity < 1) {
			throw new IllegalArgumentException("quantity must be at least 1, was " + quantity);
		}
	}

}
