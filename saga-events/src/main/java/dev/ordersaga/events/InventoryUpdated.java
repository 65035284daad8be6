package dev.ordersaga.events;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Inventory changed an order's stock. A {@code RESERVED} update carries the priced lines
 * and the total to charge; a {@code REJECTED} one carries the reason.
 */
public record InventoryUpdated(OrderId orderId, String customerId, InventoryStatus status,
		@Nullable RejectionReason reason, List<PricedLine> lines, @Nullable BigDecimal totalAmount,
		@Nullable String currency) implements SagaEvent {

	public InventoryUpdated {
		Require.present(orderId, "orderId");
		Require.text(customerId, "customerId");
		Require.present(status, "status");
		lines = (lines != null) ? List.copyOf(lines) : List.of();
		if (status == InventoryStatus.RESERVED) {
			Require.nonEmpty(lines, "lines");
			// the total is money: an amount and an ISO currency code
			new Money(Require.present(totalAmount, "totalAmount"), Require.text(currency, "currency"));
		}
		if (status == InventoryStatus.REJECTED) {
			Require.present(reason, "reason");
		}
	}

	/**
	 * Stock reserved for the order, its lines priced in {@code currency} (every line in
	 * the same one) and totalled.
	 */
	public static InventoryUpdated reserved(OrderId orderId, String customerId, List<PricedLine> lines,
			String currency) {
		Money total = lines.stream().map((line) -> line.amountIn(currency)).reduce(Money.zero(currency), Money::plus);
		return new InventoryUpdated(orderId, customerId, InventoryStatus.RESERVED, null, lines, total.amount(),
				currency);
	}

	/** The total to charge; only a reservation ({@code RESERVED}) has one. */
	public Money total() {
		if (this.totalAmount == null || this.currency == null) {
			throw new IllegalStateException("A " + this.status + " update of " + this.orderId + " has no total");
		}
		return new Money(this.totalAmount, this.currency);
	}

	public static InventoryUpdated rejected(OrderId orderId, String customerId, RejectionReason reason) {
		return new InventoryUpdated(orderId, customerId, InventoryStatus.REJECTED, reason, List.of(), null, null);
	}

	public static InventoryUpdated committed(OrderId orderId, String customerId, List<PricedLine> lines) {
		return new InventoryUpdated(orderId, customerId, InventoryStatus.COMMITTED, null, lines, null, null);
	}

	public static InventoryUpdated released(OrderId orderId, String customerId, List<PricedLine> lines) {
		return new InventoryUpdated(orderId, customerId, InventoryStatus.RELEASED, null, lines, null, null);
	}

}
