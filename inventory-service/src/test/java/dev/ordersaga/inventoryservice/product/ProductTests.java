package dev.ordersaga.inventoryservice.product;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** A product's stock rules: what is on hand, reserved and available. */
class ProductTests {

	@Test
	void aNewProductHasEverythingOnHandAvailable() {
		Product product = product(10);
		assertThat(product.onHand()).isEqualTo(10);
		assertThat(product.reserved()).isZero();
		assertThat(product.available()).isEqualTo(10);
	}

	@Test
	void reservingHoldsUnitsAndLeavesTheRestAvailable() {
		Product product = product(10);
		product.reserve(3);
		product.reserve(4);
		assertThat(product.onHand()).isEqualTo(10);
		assertThat(product.reserved()).isEqualTo(7);
		assertThat(product.available()).isEqualTo(3);
	}

	@Test
	void canReserveUpToWhatIsAvailable() {
		Product product = product(10);
		product.reserve(6);
		assertThat(product.canReserve(4)).isTrue();
		assertThat(product.canReserve(5)).isFalse();
	}

	@Test
	void refusesToReserveMoreThanIsAvailableAndHoldsNothing() {
		Product product = product(5);
		product.reserve(2);
		assertThatIllegalStateException().isThrownBy(() -> product.reserve(4))
			.withMessageContaining("Only 3 of SKU-1 available, not 4");
		assertThat(product.reserved()).isEqualTo(2);
		assertThat(product.available()).isEqualTo(3);
	}

	@Test
	void committingTakesTheReservedUnitsOutOfStock() {
		Product product = product(10);
		product.reserve(4);
		product.commit(4);
		assertThat(product.onHand()).isEqualTo(6);
		assertThat(product.reserved()).isZero();
		assertThat(product.available()).isEqualTo(6);
	}

	@Test
	void releasingMakesTheReservedUnitsAvailableAgain() {
		Product product = product(10);
		product.reserve(4);
		product.release(4);
		assertThat(product.onHand()).isEqualTo(10);
		assertThat(product.reserved()).isZero();
		assertThat(product.available()).isEqualTo(10);
	}

	@Test
	void restockingPutsCommittedUnitsBack() {
		Product product = product(10);
		product.reserve(4);
		product.commit(4);
		product.restock(4);
		assertThat(product.onHand()).isEqualTo(10);
		assertThat(product.reserved()).isZero();
		assertThat(product.available()).isEqualTo(10);
	}

	@Test
	void replacingTheCatalogDataKeepsTheReservations() {
		Product product = product(10);
		product.reserve(4);
		product.replace("Gadget", new BigDecimal("9.99"), "USD", 20);
		assertThat(product.name()).isEqualTo("Gadget");
		assertThat(product.unitPrice()).isEqualByComparingTo("9.99");
		assertThat(product.currency()).isEqualTo("USD");
		assertThat(product.onHand()).isEqualTo(20);
		assertThat(product.reserved()).isEqualTo(4);
		assertThat(product.available()).isEqualTo(16);
	}

	@Test
	void refusesToCountFewerUnitsOnHandThanAreReserved() {
		Product product = product(10);
		product.reserve(8);
		assertThatExceptionOfType(StockBelowReservedException.class)
			.isThrownBy(() -> product.replace("Widget", new BigDecimal("12.50"), "EUR", 5))
			.withMessage("onHand 5 is below the 8 units reserved for open orders");
		assertThat(product.onHand()).isEqualTo(10);
	}

	@Test
	void refusesToCommitOrReleaseMoreUnitsThanAreReserved() {
		Product product = product(10);
		product.reserve(2);
		assertThatIllegalStateException().isThrownBy(() -> product.commit(3))
			.withMessage("Only 2 of SKU-1 reserved, not 3");
		assertThatIllegalStateException().isThrownBy(() -> product.release(3));
		assertThat(product.reserved()).isEqualTo(2);
		assertThat(product.onHand()).isEqualTo(10);
	}

	@Test
	void refusesToPutBackMoreUnitsThanLeft() {
		Product product = product(10);
		product.reserve(2);
		product.commit(2);
		assertThatIllegalStateException().isThrownBy(() -> product.restock(3))
			.withMessage("Only 2 of SKU-1 shipped, cannot put back 3");
		assertThat(product.onHand()).isEqualTo(8);
	}

	@Test
	void theLedgerKeepsOnHandEqualToReceivedLessShipped() {
		Product product = product(10);
		product.replace("Widget", new BigDecimal("12.50"), "EUR", 15);
		product.reserve(4);
		product.commit(4);
		product.reserve(2);
		product.commit(2);
		product.restock(2);
		assertThat(product.received()).isEqualTo(15);
		assertThat(product.shipped()).isEqualTo(4);
		assertThat(product.onHand()).isEqualTo(product.received() - product.shipped()).isEqualTo(11);
	}

	private static Product product(int onHand) {
		return new Product("SKU-1", "Widget", new BigDecimal("12.50"), "EUR", onHand);
	}

}
