package dev.ordersaga.inventoryservice.reservation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.InventoryStatus;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.inventoryservice.product.Product;
import dev.ordersaga.inventoryservice.product.ProductRepository;
import dev.ordersaga.messaging.outbox.Outbox;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyCollection;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;

/**
 * The inventory's side of the saga without a broker or a database: given an order event,
 * the stock and reservation it leaves and the event it emits.
 */
class ReservingStockTests {

	private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

	private final ReservationRepository reservations = mock();

	private final ProductRepository products = mock();

	private final Outbox outbox = mock();

	private final ReservingStock stock = new ReservingStock(this.reservations, this.products, this.outbox);

	private final OrderId orderId = OrderId.random();

	private final Product widget = new Product("SKU-A", "Widget", new BigDecimal("12.50"), "EUR", 10);

	private final Product gadget = new Product("SKU-B", "Gadget", new BigDecimal("3.20"), "EUR", 5);

	@BeforeEach
	void savingReturnsTheReservation() {
		given(this.reservations.save(any())).willAnswer((invocation) -> invocation.getArgument(0));
	}

	@Test
	void reservesEveryLineAtTheCatalogPriceAndReportsTheTotal() {
		catalog(this.widget, this.gadget);
		this.stock.reserve(order(new OrderLine("SKU-A", 2), new OrderLine("SKU-B", 3)));

		assertThat(this.widget.reserved()).isEqualTo(2);
		assertThat(this.gadget.reserved()).isEqualTo(3);
		assertThat(savedReservation().status()).isEqualTo(ReservationStatus.RESERVED);
		assertThat(emitted()).isEqualTo(InventoryUpdated.reserved(this.orderId, "c-1",
				List.of(new PricedLine("SKU-A", 2, new BigDecimal("12.50")),
						new PricedLine("SKU-B", 3, new BigDecimal("3.20"))),
				"EUR"));
		assertThat(((InventoryUpdated) emitted()).totalAmount()).isEqualByComparingTo("34.60");
	}

	@Test
	void linesOfTheSameProductAreReservedTogether() {
		catalog(this.widget);
		this.stock.reserve(order(new OrderLine("SKU-A", 2), new OrderLine("SKU-A", 3)));

		assertThat(this.widget.reserved()).isEqualTo(5);
		assertThat(((InventoryUpdated) emitted()).lines())
			.containsExactly(new PricedLine("SKU-A", 5, new BigDecimal("12.50")));
	}

	@Test
	void rejectsTheWholeOrderWhenOneLineIsShort() {
		catalog(this.widget, this.gadget);
		this.stock.reserve(order(new OrderLine("SKU-A", 2), new OrderLine("SKU-B", 6)));

		assertThat(this.widget.reserved()).isZero();
		assertThat(this.gadget.reserved()).isZero();
		assertThat(savedReservation().status()).isEqualTo(ReservationStatus.REJECTED);
		assertThat(savedReservation().reason()).isEqualTo(RejectionReason.OUT_OF_STOCK);
		assertThat(emitted()).isEqualTo(InventoryUpdated.rejected(this.orderId, "c-1", RejectionReason.OUT_OF_STOCK));
	}

	@Test
	void rejectsAnOrderForAProductNotInTheCatalog() {
		catalog(this.widget);
		this.stock.reserve(order(new OrderLine("SKU-A", 2), new OrderLine("SKU-NONE", 1)));

		assertThat(this.widget.reserved()).isZero();
		assertThat(emitted()).isEqualTo(InventoryUpdated.rejected(this.orderId, "c-1", RejectionReason.UNKNOWN_SKU));
	}

	@Test
	void anOrderThatAlreadyHasAReservationIsNotReservedAgain() {
		given(this.reservations.findById(this.orderId.value()))
			.willReturn(Optional.of(Reservation.releasedBeforeReserved(this.orderId.value(), "c-1", T0)));
		this.stock.reserve(order(new OrderLine("SKU-A", 2)));

		then(this.products).shouldHaveNoInteractions();
		then(this.outbox).shouldHaveNoInteractions();
		then(this.reservations).should(never()).save(any());
	}

	@Test
	void confirmingAReservedOrderTakesItsUnitsOutOfStock() {
		this.widget.reserve(2);
		Reservation reservation = existing(
				Reservation.reserved(this.orderId.value(), "c-1", List.of(widgetLine(2)), T0));
		catalog(this.widget);
		this.stock.commit(this.orderId);

		assertThat(this.widget.onHand()).isEqualTo(8);
		assertThat(this.widget.reserved()).isZero();
		assertThat(reservation.status()).isEqualTo(ReservationStatus.COMMITTED);
		assertThat(emitted()).isEqualTo(InventoryUpdated.committed(this.orderId, "c-1",
				List.of(new PricedLine("SKU-A", 2, new BigDecimal("12.50")))));
	}

	@Test
	void confirmingAnOrderThatIsNotReservedChangesNothing() {
		existing(Reservation.rejected(this.orderId.value(), "c-1", RejectionReason.OUT_OF_STOCK, T0));
		this.stock.commit(this.orderId);

		then(this.products).shouldHaveNoInteractions();
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void rejectingAReservedOrderReleasesItsUnits() {
		this.widget.reserve(2);
		Reservation reservation = existing(
				Reservation.reserved(this.orderId.value(), "c-1", List.of(widgetLine(2)), T0));
		catalog(this.widget);
		this.stock.release(this.orderId, "c-1");

		assertThat(this.widget.onHand()).isEqualTo(10);
		assertThat(this.widget.reserved()).isZero();
		assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(emitted()).isEqualTo(InventoryUpdated.released(this.orderId, "c-1",
				List.of(new PricedLine("SKU-A", 2, new BigDecimal("12.50")))));
	}

	@Test
	void cancellingACommittedOrderPutsItsUnitsBack() {
		this.widget.reserve(2);
		this.widget.commit(2);
		Reservation reservation = existing(
				Reservation.reserved(this.orderId.value(), "c-1", List.of(widgetLine(2)), T0));
		reservation.moveTo(ReservationStatus.COMMITTED, T0);
		catalog(this.widget);
		this.stock.release(this.orderId, "c-1");

		assertThat(this.widget.onHand()).isEqualTo(10);
		assertThat(this.widget.reserved()).isZero();
		assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(emitted()).extracting((event) -> ((InventoryUpdated) event).status())
			.isEqualTo(InventoryStatus.RELEASED);
	}

	@Test
	void aCompensationBeforeTheOrderLeavesAMarkSoTheOrderIsNeverReserved() {
		given(this.reservations.findById(this.orderId.value())).willReturn(Optional.empty());
		this.stock.release(this.orderId, "c-1");

		Reservation mark = savedReservation();
		assertThat(mark.orderId()).isEqualTo(this.orderId.value());
		assertThat(mark.status()).isEqualTo(ReservationStatus.RELEASED);
		assertThat(mark.lines()).isEmpty();
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void releasingARejectedOrAlreadyReleasedOrderChangesNothing() {
		existing(Reservation.rejected(this.orderId.value(), "c-1", RejectionReason.UNKNOWN_SKU, T0));
		this.stock.release(this.orderId, "c-1");

		then(this.products).shouldHaveNoInteractions();
		then(this.outbox).shouldHaveNoInteractions();
	}

	@Test
	void aBatchLocksTheReservationsAndEveryProductItWillChangeInOneQueryEach() {
		OrderId cancelled = OrderId.random();
		given(this.reservations.findAllForUpdate(List.of(cancelled.value())))
			.willReturn(List.of(Reservation.reserved(cancelled.value(), "c-2",
					List.of(new ReservedLine("SKU-C", 1, BigDecimal.ONE), new ReservedLine("SKU-A", 2, BigDecimal.ONE)),
					T0)));

		this.stock.lockStockFor(List.of(order(new OrderLine("SKU-B", 1), new OrderLine("SKU-A", 1)),
				new OrderCancelled(cancelled, "c-2", CancellationReason.CUSTOMER_REQUEST)));

		ArgumentCaptor<Collection<String>> locked = ArgumentCaptor.captor();
		then(this.products).should().findAllForUpdate(locked.capture());
		assertThat(locked.getValue()).containsExactly("SKU-A", "SKU-B", "SKU-C");
	}

	@Test
	void aBatchOfEventsThatChangeNoStockLocksNothing() {
		this.stock.lockStockFor(List.of());

		then(this.products).should(never()).findAllForUpdate(anyCollection());
	}

	private OrderCreated order(OrderLine... lines) {
		return new OrderCreated(this.orderId, "c-1", List.of(lines), T0);
	}

	private void catalog(Product... found) {
		given(this.products.findById(any())).willAnswer((invocation) -> List.of(found)
			.stream()
			.filter((product) -> product.sku().equals(invocation.getArgument(0)))
			.findFirst());
	}

	private Reservation existing(Reservation reservation) {
		given(this.reservations.findById(this.orderId.value())).willReturn(Optional.of(reservation));
		return reservation;
	}

	private static ReservedLine widgetLine(int quantity) {
		return new ReservedLine("SKU-A", quantity, new BigDecimal("12.50"));
	}

	private Reservation savedReservation() {
		ArgumentCaptor<Reservation> saved = ArgumentCaptor.forClass(Reservation.class);
		then(this.reservations).should().save(saved.capture());
		return saved.getValue();
	}

	private SagaEvent emitted() {
		ArgumentCaptor<SagaEvent> published = ArgumentCaptor.forClass(SagaEvent.class);
		then(this.outbox).should().publish(published.capture());
		return published.getValue();
	}

}
