package dev.ordersaga.inventoryservice.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.Money;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.inventoryservice.product.Product;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inventory's side of the saga without Spring, a broker or a database: given an order
 * event and the products, the stock and reservation it leaves and the event it emits.
 */
class ReservationTests {

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	private final OrderId orderId = OrderId.random();

	private final Product widget = new Product("SKU-A", "Widget", new BigDecimal("12.50"), "EUR", 10);

	private final Product gadget = new Product("SKU-B", "Gadget", new BigDecimal("3.20"), "EUR", 5);

	private final Product dollarGadget = new Product("SKU-D", "Gadget", new BigDecimal("3.20"), "USD", 5);

	@Test
	void reservesEveryLineAtTheCatalogPriceAndReportsTheTotal() {
		Reservation.Outcome outcome = Reservation.reserve(order(new OrderLine("SKU-A", 2), new OrderLine("SKU-B", 3)),
				catalog(this.widget, this.gadget), T0);

		assertThat(this.widget.reserved()).isEqualTo(2);
		assertThat(this.gadget.reserved()).isEqualTo(3);
		assertThat(outcome.reservation().status()).isEqualTo(ReservationStatus.RESERVED);
		assertThat(outcome.event()).isEqualTo(InventoryUpdated.reserved(this.orderId, "c-1",
				List.of(new PricedLine("SKU-A", 2, new BigDecimal("12.50")),
						new PricedLine("SKU-B", 3, new BigDecimal("3.20"))),
				"EUR"));
		assertThat(outcome.event().total()).isEqualTo(Money.of("34.60", "EUR"));
	}

	@Test
	void pricesAnOrderInTheCurrencyOfItsProducts() {
		Reservation.Outcome outcome = Reservation.reserve(order(new OrderLine("SKU-D", 2)), catalog(this.dollarGadget),
				T0);

		assertThat(outcome.event().total()).isEqualTo(Money.of("6.40", "USD"));
	}

	@Test
	void linesOfTheSameProductAreReservedTogether() {
		Reservation.Outcome outcome = Reservation.reserve(order(new OrderLine("SKU-A", 2), new OrderLine("SKU-A", 3)),
				catalog(this.widget), T0);

		assertThat(this.widget.reserved()).isEqualTo(5);
		assertThat(outcome.event().lines()).containsExactly(new PricedLine("SKU-A", 5, new BigDecimal("12.50")));
	}

	@Test
	void rejectsTheWholeOrderWhenOneLineIsShort() {
		Reservation.Outcome outcome = Reservation.reserve(order(new OrderLine("SKU-A", 2), new OrderLine("SKU-B", 6)),
				catalog(this.widget, this.gadget), T0);

		assertRejected(outcome, RejectionReason.OUT_OF_STOCK);
		assertThat(this.widget.reserved()).isZero();
		assertThat(this.gadget.reserved()).isZero();
	}

	@Test
	void rejectsAnOrderForAProductNotInTheCatalog() {
		Reservation.Outcome outcome = Reservation
			.reserve(order(new OrderLine("SKU-A", 2), new OrderLine("SKU-NONE", 1)), catalog(this.widget), T0);

		assertRejected(outcome, RejectionReason.UNKNOWN_SKU);
		assertThat(this.widget.reserved()).isZero();
	}

	@Test
	void rejectsOrderWhoseLinesMixCurrencies() {
		Reservation.Outcome outcome = Reservation.reserve(order(new OrderLine("SKU-A", 1), new OrderLine("SKU-D", 1)),
				catalog(this.widget, this.dollarGadget), T0);

		assertRejected(outcome, RejectionReason.MIXED_CURRENCIES);
		assertThat(this.widget.reserved()).isZero();
		assertThat(this.dollarGadget.reserved()).isZero();
	}

	@Test
	void aMixOfCurrenciesIsReportedBeforeAShortage() {
		Reservation.Outcome outcome = Reservation.reserve(order(new OrderLine("SKU-A", 100), new OrderLine("SKU-D", 1)),
				catalog(this.widget, this.dollarGadget), T0);

		assertRejected(outcome, RejectionReason.MIXED_CURRENCIES);
	}

	@Test
	void confirmingAReservedOrderTakesItsUnitsOutOfStock() {
		Reservation reservation = reserved(2);

		assertThat(reservation.commit(catalog(this.widget), T0.plusSeconds(1))).contains(InventoryUpdated
			.committed(this.orderId, "c-1", List.of(new PricedLine("SKU-A", 2, new BigDecimal("12.50")))));
		assertThat(reservation.status()).isEqualTo(ReservationStatus.COMMITTED);
		assertThat(this.widget.onHand()).isEqualTo(8);
		assertThat(this.widget.reserved()).isZero();
	}

	@Test
	void confirmingTwiceCommitsOnce() {
		Reservation reservation = reserved(2);
		reservation.commit(catalog(this.widget), T0.plusSeconds(1));

		assertThat(reservation.commit(catalog(this.widget), T0.plusSeconds(2))).isEmpty();
		assertThat(this.widget.onHand()).isEqualTo(8);
	}

	@Test
	void confirmingAnOrderThatWasNotReservedChangesNothing() {
		Reservation rejected = Reservation.reserve(order(new OrderLine("SKU-A", 11)), catalog(this.widget), T0)
			.reservation();

		assertThat(rejected.commit(catalog(this.widget), T0.plusSeconds(1))).isEmpty();
		assertThat(rejected.status()).isEqualTo(ReservationStatus.REJECTED);
		assertThat(this.widget.onHand()).isEqualTo(10);
	}

	@Test
	void rejectingAReservedOrderReleasesItsUnits() {
		Reservation reservation = reserved(2);

		assertThat(reservation.release(catalog(this.widget), T0.plusSeconds(1))).contains(InventoryUpdated
			.released(this.orderId, "c-1", List.of(new PricedLine("SKU-A", 2, new BigDecimal("12.50")))));
		assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(this.widget.onHand()).isEqualTo(10);
		assertThat(this.widget.reserved()).isZero();
	}

	@Test
	void cancellingACommittedOrderPutsItsUnitsBack() {
		Reservation reservation = reserved(2);
		reservation.commit(catalog(this.widget), T0.plusSeconds(1));

		assertThat(reservation.release(catalog(this.widget), T0.plusSeconds(2))).isPresent();
		assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(this.widget.onHand()).isEqualTo(10);
		assertThat(this.widget.shipped()).isZero();
	}

	@Test
	void releasingTwiceReleasesOnceAndAReleasedOrderIsNeverCommitted() {
		Reservation reservation = reserved(2);
		reservation.release(catalog(this.widget), T0.plusSeconds(1));

		assertThat(reservation.release(catalog(this.widget), T0.plusSeconds(2))).isEmpty();
		assertThat(reservation.commit(catalog(this.widget), T0.plusSeconds(3))).isEmpty();
		assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(this.widget.onHand()).isEqualTo(10);
		assertThat(this.widget.available()).isEqualTo(10);
	}

	@Test
	void releasingARejectedOrderChangesNothing() {
		Reservation rejected = Reservation.reserve(order(new OrderLine("SKU-NONE", 1)), catalog(), T0).reservation();

		assertThat(rejected.release(catalog(), T0.plusSeconds(1))).isEmpty();
		assertThat(rejected.status()).isEqualTo(ReservationStatus.REJECTED);
	}

	@Test
	void aCompensationBeforeTheOrderLeavesAMarkWithoutLinesThatReleasesNothing() {
		Reservation mark = Reservation.releasedBeforeReserved(this.orderId, "c-1", T0);

		assertThat(mark.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(mark.skus()).isEmpty();
		assertThat(mark.release(catalog(), T0.plusSeconds(1))).isEmpty();
		assertThat(mark.commit(catalog(), T0.plusSeconds(1))).isEmpty();
	}

	private Reservation reserved(int widgets) {
		Reservation reservation = Reservation.reserve(order(new OrderLine("SKU-A", widgets)), catalog(this.widget), T0)
			.reservation();
		assertThat(reservation.status()).isEqualTo(ReservationStatus.RESERVED);
		return reservation;
	}

	private void assertRejected(Reservation.Outcome outcome, RejectionReason reason) {
		assertThat(outcome.reservation().status()).isEqualTo(ReservationStatus.REJECTED);
		assertThat(outcome.reservation().reason()).isEqualTo(reason);
		assertThat(outcome.reservation().skus()).isEmpty();
		assertThat(outcome.event()).isEqualTo(InventoryUpdated.rejected(this.orderId, "c-1", reason));
	}

	private OrderCreated order(OrderLine... lines) {
		return new OrderCreated(this.orderId, "c-1", List.of(lines), T0);
	}

	private static Map<String, Product> catalog(Product... products) {
		return Stream.of(products).collect(Collectors.toMap(Product::sku, Function.identity()));
	}

}
