package dev.ordersaga.inventoryservice.product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.inventoryservice.InventoryServiceIntegrationTest;
import dev.ordersaga.messaging.test.HttpJson;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The product API's contract: create, replace, read, and problems naming the field. */
class ProductIntegrationTests extends InventoryServiceIntegrationTest {

	@Test
	void createsAProductThenReplacesIt() {
		String sku = "SKU-" + UUID.randomUUID();
		HttpJson.Response created = this.http.put("/products/" + sku,
				"{\"name\":\"Widget\",\"unitPrice\":12.50,\"currency\":\"EUR\",\"onHand\":100}");
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.body().get("sku").asString()).isEqualTo(sku);
		assertThat(created.body().get("available").asInt()).isEqualTo(100);

		HttpJson.Response replaced = this.http.put("/products/" + sku,
				"{\"name\":\"Gadget\",\"unitPrice\":9.90,\"currency\":\"USD\",\"onHand\":40}");
		assertThat(replaced.status()).isEqualTo(200);

		JsonNode product = this.http.get("/products/" + sku).body();
		assertThat(product.get("sku").asString()).isEqualTo(sku);
		assertThat(product.get("name").asString()).isEqualTo("Gadget");
		assertThat(product.get("unitPrice").decimalValue()).isEqualByComparingTo("9.90");
		assertThat(product.get("currency").asString()).isEqualTo("USD");
		assertThat(product.get("onHand").asInt()).isEqualTo(40);
		assertThat(product.get("reserved").asInt()).isZero();
		assertThat(product.get("available").asInt()).isEqualTo(40);
	}

	@Test
	void replacingAProductKeepsItsReservations() {
		String sku = "SKU-" + UUID.randomUUID();
		put(sku, 10);
		this.publisher
			.publish(new OrderCreated(OrderId.random(), "c-replace", List.of(new OrderLine(sku, 3)), Instant.now()));
		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(this.http.get("/products/" + sku).body().get("reserved").asInt()).isEqualTo(3));

		assertThat(put(sku, 20).status()).isEqualTo(200);
		JsonNode product = this.http.get("/products/" + sku).body();
		assertThat(product.get("onHand").asInt()).isEqualTo(20);
		assertThat(product.get("reserved").asInt()).isEqualTo(3);
		assertThat(product.get("available").asInt()).isEqualTo(17);
	}

	@Test
	void refusesToReplaceTheCountOnHandBelowTheReservedUnits() {
		String sku = "SKU-" + UUID.randomUUID();
		put(sku, 10);
		this.publisher
			.publish(new OrderCreated(OrderId.random(), "c-below", List.of(new OrderLine(sku, 6)), Instant.now()));
		await().atMost(PATIENCE)
			.untilAsserted(
					() -> assertThat(this.http.get("/products/" + sku).body().get("reserved").asInt()).isEqualTo(6));

		HttpJson.Response refused = put(sku, 5);
		assertProblem(refused, 409, "Conflict", "onHand 5 is below the 6 units reserved for open orders",
				"/products/" + sku);
		assertThat(this.http.get("/products/" + sku).body().get("onHand").asInt()).isEqualTo(10);
	}

	@Test
	void keepsALedgerOfUnitsReceived() {
		String sku = "SKU-" + UUID.randomUUID();
		put(sku, 10);
		put(sku, 25);
		put(sku, 20);
		JsonNode product = this.http.get("/products/" + sku).body();
		assertThat(product.get("received").asInt()).isEqualTo(20);
		assertThat(product.get("shipped").asInt()).isZero();
	}

	@Test
	void listsEveryProduct() {
		String first = "SKU-" + UUID.randomUUID();
		String second = "SKU-" + UUID.randomUUID();
		put(first, 1);
		put(second, 2);
		assertThat(
				this.http.everyItem("/products", "products").stream().map((product) -> product.get("sku").asString()))
			.contains(first, second);
	}

	@Test
	void pagesFollowEachOtherBySkuWithoutGapsOrRepeats() {
		String prefix = "PAGE-" + UUID.randomUUID() + "-";
		List<String> ours = List.of(prefix + "1", prefix + "2", prefix + "3", prefix + "4", prefix + "5");
		ours.forEach((sku) -> put(sku, 1));
		List<String> walked = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			JsonNode page = this.http.get("/products?limit=2" + ((after != null) ? "&after=" + after : "")).body();
			assertThat(page.get("products").size()).isBetween(1, 2);
			page.get("products").forEach((product) -> walked.add(product.get("sku").asString()));
			after = page.get("next").isNull() ? null : page.get("next").asString();
			pages++;
		}
		while (after != null);
		assertThat(walked).doesNotHaveDuplicates().isSorted().containsAll(ours);
		assertThat(pages).isGreaterThanOrEqualTo(3);
		assertThat(this.http.get("/products?limit=101").status()).isEqualTo(400);
		assertThat(this.http.get("/products?limit=0").status()).isEqualTo(400);
	}

	@Test
	void anUnknownProductIsNotFound() {
		String sku = "SKU-" + UUID.randomUUID();
		assertProblem(this.http.get("/products/" + sku), 404, "Not Found", "No product " + sku, "/products/" + sku);
	}

	@Test
	void aBlankNameIsABadRequestNamingTheField() {
		assertBadRequestNaming("{\"name\":\" \",\"unitPrice\":12.50,\"currency\":\"EUR\",\"onHand\":1}", "name");
	}

	@Test
	void aNegativePriceIsABadRequestNamingTheField() {
		assertBadRequestNaming("{\"name\":\"Widget\",\"unitPrice\":-1,\"currency\":\"EUR\",\"onHand\":1}", "unitPrice");
	}

	@Test
	void aPriceThatIsNotANumberIsABadRequestNamingTheField() {
		assertBadRequestNaming("{\"name\":\"Widget\",\"unitPrice\":\"cheap\",\"currency\":\"EUR\",\"onHand\":1}",
				"unitPrice");
	}

	@Test
	void aCurrencyThatIsNotAnIsoCodeIsABadRequestNamingTheField() {
		assertBadRequestNaming("{\"name\":\"Widget\",\"unitPrice\":12.50,\"currency\":\"euro\",\"onHand\":1}",
				"currency");
	}

	@Test
	void aMissingOrNegativeStockIsABadRequestNamingTheField() {
		assertBadRequestNaming("{\"name\":\"Widget\",\"unitPrice\":12.50,\"currency\":\"EUR\"}", "onHand");
		assertBadRequestNaming("{\"name\":\"Widget\",\"unitPrice\":12.50,\"currency\":\"EUR\",\"onHand\":-1}",
				"onHand");
	}

	@Test
	void aSkuWithForbiddenCharactersIsABadRequestNamingIt() {
		HttpJson.Response response = this.http.put("/products/bad*sku",
				"{\"name\":\"Widget\",\"unitPrice\":12.50,\"currency\":\"EUR\",\"onHand\":1}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().has("errors")).as("errors in %s", response.body()).isTrue();
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("sku");
		assertThat(this.http.get("/products/bad*sku").status()).isEqualTo(404);
	}

	@Test
	void malformedJsonIsABadRequest() {
		HttpJson.Response response = this.http.put("/products/SKU-" + UUID.randomUUID(), "{\"name\":");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
	}

	private static void assertProblem(HttpJson.Response response, int status, String title, String detail,
			String instance) {
		assertThat(response.status()).isEqualTo(status);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		JsonNode problem = response.body();
		assertThat(problem.propertyNames()).containsExactlyInAnyOrder("title", "status", "detail", "instance");
		assertThat(problem.get("title").asString()).isEqualTo(title);
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("detail").asString()).isEqualTo(detail);
		assertThat(problem.get("instance").asString()).isEqualTo(instance);
	}

	private HttpJson.Response put(String sku, int onHand) {
		return this.http.put("/products/" + sku,
				"{\"name\":\"Widget\",\"unitPrice\":12.50,\"currency\":\"EUR\",\"onHand\":" + onHand + "}");
	}

	private void assertBadRequestNaming(String body, String field) {
		String sku = "SKU-" + UUID.randomUUID();
		HttpJson.Response response = this.http.put("/products/" + sku, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body().has("errors")).as("errors in %s", response.body()).isTrue();
		assertThat(response.body().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly(field);
		assertThat(this.http.get("/products/" + sku).status()).as("nothing was created").isEqualTo(404);
	}

}
