package dev.ordersaga.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventContractTests {

	private final OrderId orderId = OrderId.random();

	@Test
	void anOrderNeedsAtLeastOneLine() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OrderCreated(this.orderId, "c-1", List.of(), Instant.now()))
			.withMessageContaining("items");
	}

	@Test
	void aLineNeedsAPositiveQuantity() {
		assertThatIllegalArgumentException().isThrownBy(() -> new OrderLine("SKU-1", 0))
			.withMessageContaining("quantity");
	}

	@Test
	void aReservationIsPricedAndTotalled() {
		InventoryUpdated reserved = InventoryUpdated.reserved(this.orderId, "c-1",
				List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50")),
						new PricedLine("SKU-2", 1, new BigDecimal("3.00"))),
				"EUR");
		assertThat(reserved.totalAmount()).isEqualByComparingTo("28.00");
		assertThat(reserved.type()).isEqualTo(Topics.INVENTORY_UPDATED);
	}

	@Test
	void aReservationWithoutLinesBreaksTheContract() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new InventoryUpdated(this.orderId, "c-1", InventoryStatus.RESERVED, null, List.of(),
					BigDecimal.TEN, "EUR"))
			.withMessageContaining("lines");
	}

	@Test
	void aDeclineNeedsItsReason() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new PaymentCompleted(this.orderId, PaymentStatus.DECLINED, BigDecimal.TEN, "EUR", null))
			.withMessageContaining("reason");
	}

	@Test
	void everyEventTypeTravelsOnTheTopicOfItsName() {
		for (EventType type : EventType.values()) {
			assertThat(Topics.ALL).contains(type.topic());
			assertThat(EventType.fromType(type.type())).contains(type);
			assertThat(EventType.of(type.recordClass())).isEqualTo(type);
		}
	}

	@Test
	void theOrderIdIsItsUuidInJson() {
		assertThat(OrderId.of(this.orderId.toString())).isEqualTo(this.orderId);
		assertThat(this.orderId.toString()).isEqualTo(this.orderId.value().toString());
	}

}
