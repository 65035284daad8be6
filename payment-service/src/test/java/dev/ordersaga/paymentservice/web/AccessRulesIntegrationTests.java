package dev.ordersaga.paymentservice.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.messaging.test.AccessMatrix;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.paymentservice.PaymentServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Who may do what in payment-service: a customer reads their own account and payments and
 * never learns of another's; only an operator sets accounts and lists them all.
 */
class AccessRulesIntegrationTests extends PaymentServiceIntegrationTest {

	private static final String ACCOUNT = "{\"balance\":100.00,\"currency\":\"EUR\"}";

	@Test
	void whoMayCallWhat() {
		AccessMatrix matrix = new AccessMatrix(this.http);
		String a = matrix.customerA;
		matrix.row("PUT", "/accounts/" + a, ACCOUNT, 401, 403, 403, 201)
			.row("GET", "/accounts/" + a, null, 401, 200, 404, 200)
			.row("GET", "/accounts/nobody-" + UUID.randomUUID(), null, 401, 404, 404, 404)
			.row("GET", "/accounts", null, 401, 403, 403, 200)
			.row("GET", "/payments", null, 401, 200, 200, 200)
			.row("GET", "/payments?customerId=" + a, null, 401, 200, 403, 200)
			.row("GET", "/payments?orderId=" + UUID.randomUUID(), null, 401, 200, 200, 200)
			.check();
	}

	@Test
	void aCustomerSeesOnlyTheirOwnPayments() {
		String a = "a-" + UUID.randomUUID();
		String b = "b-" + UUID.randomUUID();
		assertThat(this.http.put("/accounts/" + a, ACCOUNT).status()).isEqualTo(201);
		OrderId orderId = OrderId.random();
		this.publisher.publish(InventoryUpdated.reserved(orderId, a,
				List.of(new PricedLine("SKU-1", 1, new BigDecimal("10.00"))), "EUR"));
		await().untilAsserted(() -> assertThat(orderIds(this.http.get("/payments?orderId=" + orderId)))
			.containsExactly(orderId.toString()));

		assertThat(orderIds(asCustomer(a).get("/payments?orderId=" + orderId))).containsExactly(orderId.toString());
		assertThat(orderIds(asCustomer(a).get("/payments"))).containsExactly(orderId.toString());
		assertThat(orderIds(asCustomer(b).get("/payments?orderId=" + orderId))).isEmpty();
		assertThat(orderIds(asCustomer(b).get("/payments"))).isEmpty();
	}

	private static List<String> orderIds(HttpJson.Response payments) {
		assertThat(payments.status()).isEqualTo(200);
		return payments.body()
			.get("payments")
			.valueStream()
			.map((payment) -> payment.get("orderId").asString())
			.toList();
	}

}
