package dev.ordersaga.e2e;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ordersaga.messaging.test.HttpJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Money in more than one currency through the packaged services: an order never adds
 * euros to dollars, and an account is never charged in a currency it does not hold.
 */
@ExtendWith(ThreadDumpsOnFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CurrenciesEndToEndIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private RunningSaga saga;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String euroProduct = "EURO-" + this.run;

	private final String dollarProduct = "DOLLAR-" + this.run;

	private final String euroCustomer = "euro-" + this.run;

	@BeforeAll
	void startTheSagaWithAProductInEachCurrencyAndAnAccountInEuros() {
		this.saga = RunningSaga.get();
		this.saga.product(this.euroProduct, "10.00", "EUR", 10);
		this.saga.product(this.dollarProduct, "5.00", "USD", 10);
		this.saga.account(this.euroCustomer, "1000.00", "EUR");
	}

	@Test
	void anOrderMixingEurosAndDollarsIsRejectedForItsCurrenciesAndMovesNothing() {
		JsonNode order = rejectedOrderOf(this.euroProduct, this.dollarProduct);
		String orderId = order.get("orderId").asString();
		assertThat(order.get("reason").asString()).isEqualTo("MIXED_CURRENCIES");
		JsonNode reservation = this.saga.inventory.http()
			.everyItem("/reservations?orderId=" + orderId, "reservations")
			.get(0);
		assertThat(reservation.get("status").asString()).isEqualTo("REJECTED");
		assertThat(reservation.get("reason").asString()).isEqualTo("MIXED_CURRENCIES");
		assertUntouched(this.euroProduct);
		assertUntouched(this.dollarProduct);
		assertThat(payments(orderId)).as("payments of %s", orderId).isZero();
		assertThat(balance()).isEqualByComparingTo("1000.00");
	}

	@Test
	void anOrderInDollarsFromAnAccountInEurosIsDeclinedForItsCurrencyAndItsStockReleased() {
		JsonNode order = rejectedOrderOf(this.dollarProduct);
		String orderId = order.get("orderId").asString();
		assertThat(order.get("reason").asString()).isEqualTo("PAYMENT_DECLINED");
		assertThat(order.get("currency").asString()).isEqualTo("USD");
		JsonNode payment = this.saga.payment.http().everyItem("/payments?orderId=" + orderId, "payments").get(0);
		assertThat(payment.get("status").asString()).isEqualTo("DECLINED");
		assertThat(payment.get("reason").asString()).isEqualTo("CURRENCY_MISMATCH");
		assertThat(payment.get("currency").asString()).isEqualTo("USD");
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.saga.inventory.http()
				.everyItem("/reservations?orderId=" + orderId, "reservations")
				.get(0)
				.get("status")
				.asString()).isEqualTo("RELEASED"));
		assertUntouched(this.dollarProduct);
		assertThat(balance()).isEqualByComparingTo("1000.00");
	}

	/** Places an order of one unit of each sku and waits until the saga rejects it. */
	private JsonNode rejectedOrderOf(String... skus) {
		List<String> items = Stream.of(skus).map((sku) -> "{\"sku\":\"" + sku + "\",\"quantity\":1}").toList();
		HttpJson.Response placed = this.saga.orders.http()
			.post("/orders",
					"{\"customerId\":\"" + this.euroCustomer + "\",\"items\":[" + String.join(",", items) + "]}");
		assertThat(placed.status()).isEqualTo(201);
		String orderId = placed.body().get("orderId").asString();
		JsonNode order = this.saga.orders.http().get("/orders/" + orderId + "?wait=30s").body();
		assertThat(order.get("status").asString()).as("order %s", orderId).isEqualTo("REJECTED");
		return order;
	}

	/** Every unit on hand and none reserved, once the saga has settled. */
	private void assertUntouched(String sku) {
		await().atMost(PATIENCE).untilAsserted(() -> {
			JsonNode product = this.saga.inventory.http().get("/products/" + sku).body();
			assertThat(product.get("onHand").asInt()).as("onHand of %s", sku).isEqualTo(10);
			assertThat(product.get("reserved").asInt()).as("reserved of %s", sku).isZero();
		});
	}

	private int payments(String orderId) {
		return this.saga.payment.http().everyItem("/payments?orderId=" + orderId, "payments").size();
	}

	private BigDecimal balance() {
		return this.saga.payment.http().get("/accounts/" + this.euroCustomer).body().get("balance").decimalValue();
	}

}
