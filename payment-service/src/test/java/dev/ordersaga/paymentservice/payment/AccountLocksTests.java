package dev.ordersaga.paymentservice.payment;

import java.math.BigDecimal;
import java.util.List;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a batch locks before it is handled (ADR 0007). */
class AccountLocksTests {

	@Test
	void aBatchLocksTheAccountsItMayChargeOrRefundInCustomerOrderAndThePaymentsOfItsOrders() {
		OrderId reserved = OrderId.random();
		OrderId rejected = OrderId.random();
		OrderId cancelled = OrderId.random();
		AccountLocks locks = AccountLocks
			.of(List.of(
					InventoryUpdated.reserved(reserved, "c-9", List.of(new PricedLine("SKU-1", 1, BigDecimal.ONE)),
							"EUR"),
					new OrderRejected(rejected, "c-2", RejectionReason.TIMEOUT),
					new OrderCancelled(cancelled, "c-1", CancellationReason.CUSTOMER_REQUEST),
					InventoryUpdated.committed(OrderId.random(), "c-5", List.of())));

		assertThat(locks.customers()).containsExactly("c-1", "c-2", "c-9");
		assertThat(locks.orders()).containsExactly(reserved.value(), rejected.value(), cancelled.value());
	}

	@Test
	void eventsThatMoveNoMoneyLockNothing() {
		AccountLocks locks = AccountLocks
			.of(List.of(InventoryUpdated.rejected(OrderId.random(), "c-1", RejectionReason.OUT_OF_STOCK)));

		assertThat(locks.customers()).isEmpty();
		assertThat(locks.orders()).isEmpty();
	}

}
