package dev.ordersaga.orderservice.web;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.messaging.test.AccessMatrix;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.TestTokens;
import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what in order-service: customers place, read and cancel their own orders and
 * never learn of another's; operators do it for anyone; nobody without a valid token.
 */
class AccessRulesIntegrationTests extends OrderServiceIntegrationTest {

	private static final String ITEMS = "\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]";

	@Test
	void whoMayCallWhat() {
		AccessMatrix matrix = new AccessMatrix(this.http);
		String a = matrix.customerA;
		UUID ofA = placeOrderOfOneUnit(a);
		UUID toCancel = placeOrderOfOneUnit(a);
		matrix.row("POST", "/orders", "{\"customerId\":\"" + a + "\"," + ITEMS + "}", 401, 201, 403, 201)
			.row("POST", "/orders", "{" + ITEMS + "}", 401, 201, 201, 400)
			.row("GET", "/orders/" + ofA, null, 401, 200, 404, 200)
			.row("GET", "/orders/" + ofA + "?wait=0s", null, 401, 200, 404, 200)
			.row("GET", "/orders/" + UUID.randomUUID(), null, 401, 404, 404, 404)
			.row("GET", "/orders", null, 401, 200, 200, 200)
			.row("GET", "/orders?customerId=" + a, null, 401, 200, 403, 200)
			.row("GET", "/orders?after=" + ofA, null, 401, 200, 400, 200)
			.row("POST", "/orders/" + toCancel + "/cancel", null, 401, 202, 404, 409)
			.check();
	}

	@Test
	void aCustomerListsOnlyTheirOwnOrdersAndAnOperatorEveryones() {
		String a = "a-" + UUID.randomUUID();
		String b = "b-" + UUID.randomUUID();
		UUID ofA = placeOrderOfOneUnit(a);
		UUID ofB = placeOrderOfOneUnit(b);

		assertThat(orderIds(asCustomer(b).get("/orders?limit=100"))).contains(ofB.toString())
			.doesNotContain(ofA.toString());
		assertThat(orderIds(asCustomer(a).get("/orders?limit=100"))).contains(ofA.toString())
			.doesNotContain(ofB.toString());
		assertThat(orderIds(this.http.get("/orders?customerId=" + a))).containsExactly(ofA.toString());
	}

	@Test
	void anOrderPlacedByACustomerIsTheirs() {
		String a = "a-" + UUID.randomUUID();
		HttpJson.Response placed = asCustomer(a).post("/orders", "{" + ITEMS + "}");
		assertThat(placed.status()).isEqualTo(201);
		assertThat(placed.body().get("customerId").asString()).isEqualTo(a);
	}

	@Test
	void tokensThatAreNotValidAreRefusedAsUnauthenticated() {
		for (String token : List.of(TestTokens.token("c-1", List.of("customer"), Duration.ofMinutes(-5)),
				TestTokens.signedByAStranger(), "not-a-jwt")) {
			HttpJson.Response refused = this.http.withToken(token).get("/orders");
			assertThat(refused.status()).as(token).isEqualTo(401);
			assertThat(refused.header("WWW-Authenticate")).as(token).startsWith("Bearer error=\"invalid_token\"");
			assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		}
	}

	@Test
	void aTokenWithoutARoleOfOursIsForbidden() {
		HttpJson.Response refused = this.http.withToken(TestTokens.token("c-1", List.of("admin"), Duration.ofHours(1)))
			.get("/orders");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body().get("detail").asString()).contains("may not GET /orders");
	}

	private static List<String> orderIds(HttpJson.Response page) {
		assertThat(page.status()).isEqualTo(200);
		return page.body().get("orders").valueStream().map((order) -> order.get("orderId").asString()).toList();
	}

}
