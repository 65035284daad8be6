package dev.ordersaga.events;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The money type changes no event's JSON: amounts still travel as a number and a currency
 * code, and the derived {@code total()} is not a field.
 */
class MoneyInJsonTests {

	private final JsonMapper json = JsonMapper.builder().build();

	private final OrderId orderId = OrderId.random();

	@Test
	void aReservationTravelsAsLinesTotalAmountAndCurrency() {
		JsonNode reserved = this.json.valueToTree(InventoryUpdated.reserved(this.orderId, "c-1",
				List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50"))), "EUR"));
		assertThat(reserved.propertyNames()).containsExactlyInAnyOrder("orderId", "customerId", "status", "reason",
				"lines", "totalAmount", "currency");
		assertThat(reserved.get("lines").get(0).propertyNames()).containsExactlyInAnyOrder("sku", "quantity",
				"unitPrice");
		assertThat(reserved.get("totalAmount").decimalValue()).isEqualByComparingTo("25.00");
	}

	@Test
	void aPaymentTravelsAsAmountAndCurrency() {
		JsonNode charged = this.json.valueToTree(PaymentCompleted.charged(this.orderId, Money.of("25.00", "EUR")));
		assertThat(charged.propertyNames()).containsExactlyInAnyOrder("orderId", "status", "amount", "currency",
				"reason");
	}

	@Test
	void aNewReasonTravelsByItsName() {
		JsonNode rejected = this.json
			.valueToTree(InventoryUpdated.rejected(this.orderId, "c-1", RejectionReason.MIXED_CURRENCIES));
		assertThat(rejected.get("reason").asString()).isEqualTo("MIXED_CURRENCIES");
		assertThat(this.json.treeToValue(rejected, InventoryUpdated.class).reason())
			.isEqualTo(RejectionReason.MIXED_CURRENCIES);
	}

}
