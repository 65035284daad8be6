package dev.ordersaga.paymentservice.messaging;

import java.math.BigDecimal;
import java.util.List;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.messaging.inbox.InboundEvents;
import dev.ordersaga.paymentservice.payment.ChargingPayment;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which events payment's listener lets through to a transaction: a reservation to charge
 * and an order to refund; the rest are passed by before Redis and the database see them.
 */
class EventsPaymentReactsToTests {

	private static final OrderId ORDER = OrderId.random();

	private static final List<PricedLine> LINES = List.of(new PricedLine("SKU-1", 1, new BigDecimal("2.50")));

	private final PaymentListener listener = new PaymentListener(mock(InboundEvents.class),
			mock(ChargingPayment.class));

	@Test
	void aReservationIsCharged() {
		assertThat(this.listener.reactsTo(InventoryUpdated.reserved(ORDER, "c-1", LINES, "EUR"))).isTrue();
	}

	@Test
	void aRejectedOrCancelledOrderIsRefunded() {
		assertThat(this.listener.reactsTo(new OrderRejected(ORDER, "c-1", RejectionReason.OUT_OF_STOCK))).isTrue();
		assertThat(this.listener.reactsTo(new OrderCancelled(ORDER, "c-1", CancellationReason.CUSTOMER_REQUEST)))
			.isTrue();
	}

	@Test
	void otherStockChangesAreNotPayments() {
		assertThat(this.listener.reactsTo(InventoryUpdated.rejected(ORDER, "c-1", RejectionReason.OUT_OF_STOCK)))
			.isFalse();
		assertThat(this.listener.reactsTo(InventoryUpdated.committed(ORDER, "c-1", LINES))).isFalse();
		assertThat(this.listener.reactsTo(InventoryUpdated.released(ORDER, "c-1", LINES))).isFalse();
	}

}
