package dev.ordersaga.orderservice.order;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The order's side of the saga: given a report, the state it moves to and the event it
 * emits.
 */
class OrderTests {

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	private static final List<PricedLine> PRICED = List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50")));

	private static final BigDecimal TOTAL = new BigDecimal("25.00");

	@Test
	void placingAnOrderStartsTheSagaWithOrderCreated() {
		Order.Placed placed = place();
		assertThat(placed.order().status()).isEqualTo(OrderStatus.PENDING);
		assertThat(placed.event())
			.isEqualTo(new OrderCreated(placed.order().orderId(), "c-1", List.of(new OrderLine("SKU-1", 2)), T0));
		assertThat(placed.order().history()).extracting(StatusChange::status).containsExactly(OrderStatus.PENDING);
	}

	@Test
	void reservedStockPricesTheOrder() {
		Order order = place().order();
		order.stockReserved(PRICED, TOTAL, "EUR", T0.plusMillis(5));
		assertThat(order.status()).isEqualTo(OrderStatus.RESERVED);
		assertThat(order.totalAmount()).isEqualByComparingTo("25.00");
		assertThat(order.lines()).extracting(OrderLineItem::unitPrice).containsExactly(new BigDecimal("12.50"));
	}

	@Test
	void aChargeConfirmsAReservedOrder() {
		Order order = reserved();
		assertThat(order.paymentCharged(TOTAL, "EUR", T0.plusMillis(9)))
			.contains(new OrderConfirmed(order.orderId(), "c-1", TOTAL, "EUR"));
		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.history()).extracting(StatusChange::status)
			.containsExactly(OrderStatus.PENDING, OrderStatus.RESERVED, OrderStatus.CONFIRMED);
	}

	@Test
	void aChargeThatOvertakesItsReservationIsKeptAndTheReservationConfirms() {
		Order order = place().order();
		assertThat(order.paymentCharged(TOTAL, "EUR", T0.plusMillis(5))).isEmpty();
		assertThat(order.status()).isEqualTo(OrderStatus.PENDING);

		assertThat(order.stockReserved(PRICED, TOTAL, "EUR", T0.plusMillis(6)))
			.contains(new OrderConfirmed(order.orderId(), "c-1", TOTAL, "EUR"));
		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.lines()).extracting(OrderLineItem::unitPrice).containsExactly(new BigDecimal("12.50"));
		assertThat(order.history()).extracting(StatusChange::status)
			.containsExactly(OrderStatus.PENDING, OrderStatus.RESERVED, OrderStatus.CONFIRMED);
	}

	@Test
	void aChargeOfAnotherAmountRejectsTheOrderForTheMismatch() {
		Order order = reserved();
		assertThat(order.paymentCharged(new BigDecimal("24.99"), "EUR", T0.plusMillis(9)))
			.contains(new OrderRejected(order.orderId(), "c-1", RejectionReason.PAYMENT_MISMATCH));
		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(order.reason()).isEqualTo(OrderReason.of(RejectionReason.PAYMENT_MISMATCH));
	}

	@Test
	void aChargeInAnotherCurrencyRejectsTheOrderForTheMismatch() {
		Order order = reserved();
		assertThat(order.paymentCharged(TOTAL, "USD", T0.plusMillis(9)))
			.contains(new OrderRejected(order.orderId(), "c-1", RejectionReason.PAYMENT_MISMATCH));
	}

	@Test
	void theSameAmountWrittenWithAnotherScaleIsNoMismatch() {
		Order order = reserved();
		assertThat(order.paymentCharged(new BigDecimal("25.0"), "EUR", T0.plusMillis(9)))
			.containsInstanceOf(OrderConfirmed.class);
	}

	@Test
	void anOvertakingChargeOfAnotherAmountIsRejectedOnceTheReservationComes() {
		Order order = place().order();
		assertThat(order.paymentCharged(new BigDecimal("99.00"), "EUR", T0.plusMillis(5))).isEmpty();

		assertThat(order.stockReserved(PRICED, TOTAL, "EUR", T0.plusMillis(6)))
			.contains(new OrderRejected(order.orderId(), "c-1", RejectionReason.PAYMENT_MISMATCH));
		assertThat(order.history()).extracting(StatusChange::status)
			.containsExactly(OrderStatus.PENDING, OrderStatus.RESERVED, OrderStatus.REJECTED);
	}

	@Test
	void aKeptChargeDoesNotKeepTheDeadlineAway() {
		Order order = place().order();
		order.paymentCharged(TOTAL, "EUR", T0.plusMillis(5));

		assertThat(order.deadlinePassed(T0.plus(Duration.ofMinutes(5))))
			.contains(new OrderRejected(order.orderId(), "c-1", RejectionReason.TIMEOUT));
	}

	@Test
	void rejectsOrderWhenStockIsShort() {
		Order order = place().order();
		assertThat(order.stockRejected(RejectionReason.OUT_OF_STOCK, T0.plusMillis(5)))
			.contains(new OrderRejected(order.orderId(), "c-1", RejectionReason.OUT_OF_STOCK));
		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(order.reason()).isEqualTo(OrderReason.of(RejectionReason.OUT_OF_STOCK));
	}

	@Test
	void rejectsOrderWhenPaymentIsDeclined() {
		Order order = reserved();
		assertThat(order.paymentDeclined(T0.plusMillis(9)))
			.contains(new OrderRejected(order.orderId(), "c-1", RejectionReason.PAYMENT_DECLINED));
		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
	}

	@Test
	void rejectsAnUndecidedOrderOnceItsDeadlinePassed() {
		Order order = reserved();
		Instant deadline = T0.plus(Duration.ofSeconds(30));
		assertThat(order.deadlinePassed(deadline.minusMillis(1))).isEmpty();
		assertThat(order.deadlinePassed(deadline))
			.contains(new OrderRejected(order.orderId(), "c-1", RejectionReason.TIMEOUT));
		assertThat(order.reason()).isEqualTo(OrderReason.of(RejectionReason.TIMEOUT));
	}

	@Test
	void theDeadlineDoesNotTouchADecidedOrder() {
		Order order = confirmed();
		assertThat(order.deadlinePassed(T0.plus(Duration.ofHours(1)))).isEmpty();
		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
	}

	@Test
	void aLateChargeNeverMovesARejectedOrder() {
		Order order = place().order();
		order.deadlinePassed(T0.plus(Duration.ofMinutes(1)));
		assertThat(order.paymentCharged(TOTAL, "EUR", T0.plus(Duration.ofMinutes(2)))).isEmpty();
		assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
		assertThat(order.reason()).isEqualTo(OrderReason.of(RejectionReason.TIMEOUT));
	}

	@Test
	void duplicateReportsChangeNothing() {
		Order order = confirmed();
		order.stockReserved(PRICED, TOTAL, "EUR", T0.plusSeconds(1));
		assertThat(order.paymentCharged(TOTAL, "EUR", T0.plusSeconds(1))).isEmpty();
		assertThat(order.paymentDeclined(T0.plusSeconds(1))).isEmpty();
		assertThat(order.stockRejected(RejectionReason.OUT_OF_STOCK, T0.plusSeconds(1))).isEmpty();
		assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
		assertThat(order.history()).hasSize(3);
	}

	@Test
	void aCustomerCanCancelAnOrderUntilItIsRejectedOrCancelled() {
		for (Order order : List.of(place().order(), reserved(), confirmed())) {
			assertThat(order.cancel(T0.plusSeconds(2)))
				.isEqualTo(new OrderCancelled(order.orderId(), "c-1", CancellationReason.CUSTOMER_REQUEST));
			assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
			assertThat(order.reason()).isEqualTo(OrderReason.of(CancellationReason.CUSTOMER_REQUEST));
		}
	}

	@Test
	void aRejectedOrCancelledOrderCannotBeCancelled() {
		Order rejected = place().order();
		rejected.stockRejected(RejectionReason.UNKNOWN_SKU, T0.plusMillis(1));
		Order cancelled = reserved();
		cancelled.cancel(T0.plusMillis(20));
		for (Order order : List.of(rejected, cancelled)) {
			assertThatExceptionOfType(OrderNotCancellableException.class)
				.isThrownBy(() -> order.cancel(T0.plusSeconds(3)));
		}
	}

	@Test
	void reportsAfterACancellationChangeNothing() {
		Order order = reserved();
		order.cancel(T0.plusMillis(20));
		assertThat(order.paymentCharged(TOTAL, "EUR", T0.plusMillis(30))).isEmpty();
		assertThat(order.paymentDeclined(T0.plusMillis(30))).isEmpty();
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void onlyThePlacedRequestMatchesItsHash() {
		Order order = Order.place("c-1", List.of(new OrderLine("SKU-1", 2)), T0, T0.plusSeconds(30), "key-1", "abc")
			.order();
		assertThat(order.isPlacedWith("abc")).isTrue();
		assertThat(order.isPlacedWith("abd")).isFalse();
	}

	private static Order.Placed place() {
		return Order.place("c-1", List.of(new OrderLine("SKU-1", 2)), T0, T0.plus(Duration.ofSeconds(30)), null, null);
	}

	private static Order reserved() {
		Order order = place().order();
		order.stockReserved(PRICED, TOTAL, "EUR", T0.plusMillis(5));
		return order;
	}

	private static Order confirmed() {
		Order order = reserved();
		order.paymentCharged(TOTAL, "EUR", T0.plusMillis(9));
		return order;
	}

}
