package dev.ordersaga.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.ordersaga.events.DeclineReason;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.PaymentStatus;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.messaging.outbox.Outbox;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which reports order-service's listener lets through to a transaction: only those a step
 * of {@link DecidingOrderOutcome} acts on; the rest are passed by before Redis and the
 * database see them.
 */
class ReportsThatChangeAnOrderTests {

	private static final OrderId ORDER = OrderId.random();

	private static final List<PricedLine> LINES = List.of(new PricedLine("SKU-1", 1, new BigDecimal("2.50")));

	private final DecidingOrderOutcome deciding = new DecidingOrderOutcome(mock(OrderRepository.class),
			mock(Outbox.class), mock(OrderChangeSignals.class));

	@Test
	void aReservationOrItsRefusalCanChangeAnOrder() {
		assertThat(this.deciding.canChangeAnOrder(InventoryUpdated.reserved(ORDER, "c-1", LINES, "EUR"))).isTrue();
		assertThat(
				this.deciding.canChangeAnOrder(InventoryUpdated.rejected(ORDER, "c-1", RejectionReason.OUT_OF_STOCK)))
			.isTrue();
	}

	@Test
	void aChargeOrItsDeclineCanChangeAnOrder() {
		assertThat(this.deciding.canChangeAnOrder(payment(PaymentStatus.CHARGED, null))).isTrue();
		assertThat(this.deciding.canChangeAnOrder(payment(PaymentStatus.DECLINED, DeclineReason.INSUFFICIENT_FUNDS)))
			.isTrue();
	}

	@Test
	void whatFollowsADecisionChangesNothing() {
		assertThat(this.deciding.canChangeAnOrder(InventoryUpdated.committed(ORDER, "c-1", LINES))).isFalse();
		assertThat(this.deciding.canChangeAnOrder(InventoryUpdated.released(ORDER, "c-1", LINES))).isFalse();
		assertThat(this.deciding.canChangeAnOrder(payment(PaymentStatus.REFUNDED, null))).isFalse();
		assertThat(this.deciding.canChangeAnOrder(new OrderCreated(ORDER, "c-1", List.of(new OrderLine("SKU-1", 1)),
				Instant.parse("2026-12-01T10:00:00Z"))))
			.isFalse();
	}

	private static PaymentCompleted payment(PaymentStatus status, @Nullable DeclineReason reason) {
		return new PaymentCompleted(ORDER, status, new BigDecimal("2.50"), "EUR", reason);
	}

}
