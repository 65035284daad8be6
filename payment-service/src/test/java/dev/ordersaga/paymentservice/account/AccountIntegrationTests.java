package dev.ordersaga.paymentservice.account;

import java.util.UUID;

import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.paymentservice.PaymentServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The account API's contract: open, replace, read, and problems naming the field. */
class AccountIntegrationTests extends PaymentServiceIntegrationTest {

	@Test
	void opensAnAccountThenReplacesIt() {
		String customer = "c-" + UUID.randomUUID();
		HttpJson.Response opened = this.http.put("/accounts/" + customer, "{\"balance\":500.00,\"currency\":\"EUR\"}");
		assertThat(opened.status()).isEqualTo(201);
		assertThat(opened.body().get("customerId").asString()).isEqualTo(customer);
		assertThat(opened.body().get("balance").decimalValue()).isEqualByComparingTo("500.00");

		HttpJson.Response replaced = this.http.put("/accounts/" + customer, "{\"balance\":42.10,\"currency\":\"USD\"}");
		assertThat(replaced.status()).isEqualTo(200);

		JsonNode account = this.http.get("/accounts/" + customer).body();
		assertThat(account.get("customerId").asString()).isEqualTo(customer);
		assertThat(account.get("balance").decimalValue()).isEqualByComparingTo("42.10");
		assertThat(account.get("currency").asString()).isEqualTo("USD");
		assertThat(account.get("deposited").decimalValue()).isEqualByComparingTo("42.10");
		assertThat(this.http.everyItem("/accounts", "accounts")
			.stream()
			.map((listed) -> listed.get("customerId").asString())).contains(customer);
	}

	@Test
	void anUnknownAccountIsNotFound() {
		String customer = "c-" + UUID.randomUUID();
		HttpJson.Response response = this.http.get("/accounts/" + customer);
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		JsonNode problem = response.body();
		assertThat(problem.propertyNames()).containsExactlyInAnyOrder("title", "status", "detail", "instance");
		assertThat(problem.get("title").asString()).isEqualTo("Not Found");
		assertThat(problem.get("status").asInt()).isEqualTo(404);
		assertThat(problem.get("detail").asString()).isEqualTo("No account " + customer);
		assertThat(problem.get("instance").asString()).isEqualTo("/accounts/" + customer);
	}

	@Test
	void aMissingOrNegativeBalanceIsABadRequestNamingTheField() {
		assertBadRequestNaming("{\"currency\":\"EUR\"}", "balance");
		assertBadRequestNaming("{\"balance\":-0.01,\"currency\":\"EUR\"}", "balance");
	}

	@Test
	void aBalanceWithFractionsOfACentIsABadRequestNamingTheField() {
		assertBadRequestNaming("{\"balance\":1.001,\"currency\":\"EUR\"}", "balance");
	}

	@Test
	void aBalanceThatIsNotANumberIsABadRequestNamingTheField() {
		assertBadRequestNaming("{\"balance\":\"plenty\",\"currency\":\"EUR\"}", "balance");
	}

	@Test
	void aCurrencyThatIsNotAnIsoCodeIsABadRequestNamingTheField() {
		assertBadRequestNaming("{\"balance\":10.00,\"currency\":\"Euro\"}", "currency");
	}

	@Test
	void aCustomerIdWithForbiddenCharactersIsABadRequestNamingIt() {
		HttpJson.Response response = this.http.put("/accounts/bad*customer",
				"{\"balance\":10.00,\"currency\":\"EUR\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body().has("errors")).as("errors in %s", response.body()).isTrue();
		assertThat(response.body().get("errors").get(0).get("field").asString()).isEqualTo("customerId");
		assertThat(this.http.get("/accounts/bad*customer").status()).isEqualTo(404);
	}

	@Test
	void malformedJsonIsABadRequest() {
		HttpJson.Response response = this.http.put("/accounts/c-" + UUID.randomUUID(), "{\"balance\":");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
	}

	private void assertBadRequestNaming(String body, String field) {
		String customer = "c-" + UUID.randomUUID();
		HttpJson.Response response = this.http.put("/accounts/" + customer, body);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(response.body().has("errors")).as("errors in %s", response.body()).isTrue();
		assertThat(response.body().get("errors").valueStream().map((error) -> error.get("field").asString()))
			.containsExactly(field);
		assertThat(this.http.get("/accounts/" + customer).status()).as("nothing was created").isEqualTo(404);
	}

}
