package dev.ordersaga.inventoryservice.product;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A product and its stock. {@code onHand} counts the units in the warehouse,
 * {@code reserved} those promised to orders not yet confirmed; the rest is available. A
 * small ledger keeps {@code onHand = received - shipped}: units put into stock through
 * the API, and units that left with confirmed orders (less those put back).
 */
@Entity
@Table(name = "product")
public class Product {

	@Id
	private String sku;

	@Column(nullable = false)
	private String name;

	@Column(name = "unit_price", nullable = false)
	private BigDecimal unitPrice;

	@Column(nullable = false)
	private String currency;

	@Column(name = "on_hand", nullable = false)
	private int onHand;

	@Column(nullable = false)
	private int reserved;

	@Column(nullable = false)
	private int received;

	@Column(nullable = false)
	private int shipped;

	protected Product() {
		this("", "", BigDecimal.ZERO, "", 0);
	}

	public Product(String sku, String name, BigDecimal unitPrice, String currency, int onHand) {
		this.sku = sku;
		this.name = name;
		this.unitPrice = unitPrice;
		this.currency = currency;
		this.onHand = onHand;
		this.received = onHand;
	}

	/**
	 * Replaces the catalog data and the count on hand; reservations stay as they are, so
	 * the count cannot drop below the units reserved.
	 */
	void replace(String name, BigDecimal unitPrice, String currency, int onHand) {
		if (onHand < this.reserved) {
			throw new StockBelowReservedException(onHand, this.reserved);
		}
		this.name = name;
		this.unitPrice = unitPrice;
		this.currency = currency;
		this.received += onHand - this.onHand;
		this.onHand = onHand;
	}

	public boolean canReserve(int quantity) {
		return available() >= quantity;
	}

	public void reserve(int quantity) {
		if (!canReserve(quantity)) {
			throw new IllegalStateException("Only " + available() + " of " + this.sku + " available, not " + quantity);
		}
		this.reserved += quantity;
	}

	/** Reserved units leave the warehouse: the order was confirmed. */
	public void commit(int quantity) {
		requireReserved(quantity);
		this.reserved -= quantity;
		this.onHand -= quantity;
		this.shipped += quantity;
	}

	/** Reserved units become available again. */
	public void release(int quantity) {
		requireReserved(quantity);
		this.reserved -= quantity;
	}

	/** Units that had left come back: a confirmed order was cancelled. */
	public void restock(int quantity) {
		if (quantity > this.shipped) {
			throw new IllegalStateException(
					"Only " + this.shipped + " of " + this.sku + " shipped, cannot put back " + quantity);
		}
		this.onHand += quantity;
		this.shipped -= quantity;
	}

	private void requireReserved(int quantity) {
		if (quantity > this.reserved) {
			throw new IllegalStateException("Only " + this.reserved + " of " + this.sku + " reserved, not " + quantity);
		}
	}

	public int available() {
		return Math.max(0, this.onHand - this.reserved);
	}

	public String sku() {
		return this.sku;
	}

	public String name() {
		return this.name;
	}

	public BigDecimal unitPrice() {
		return this.unitPrice;
	}

	public String currency() {
		return this.currency;
	}

	public int onHand() {
		return this.onHand;
	}

	public int reserved() {
		return this.reserved;
	}

	public int received() {
		return this.received;
	}

	public int shipped() {
		return this.shipped;
	}

}
