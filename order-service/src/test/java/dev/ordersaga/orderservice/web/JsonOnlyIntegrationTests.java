package dev.ordersaga.orderservice.web;

import java.util.Map;

import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API answers JSON only: a client asking for YAML gets 406, not a document written by
 * a mapper without the API's settings (timestamps as numbers).
 */
class JsonOnlyIntegrationTests extends OrderServiceIntegrationTest {

	@Test
	void anOrderIsJsonWithTimestampsAsText() {
		HttpJson.Response placed = this.http.post("/orders",
				"{\"customerId\":\"c-json\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}");
		assertThat(placed.status()).isEqualTo(201);

		HttpJson.Response read = this.http.get("/orders/" + placed.body().get("orderId").asString());

		assertThat(read.header("Content-Type")).startsWith("application/json");
		assertThat(read.body().get("createdAt").isString()).isTrue();
	}

	@Test
	void aRequestForYamlIsNotAcceptable() {
		HttpJson.Response yaml = this.http.get("/orders?limit=1", Map.of("Accept", "application/yaml"));

		assertThat(yaml.status()).as(yaml.call()).isEqualTo(406);
		assertThat(String.valueOf(yaml.header("Content-Type"))).doesNotContain("yaml");
	}

}
