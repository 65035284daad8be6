package dev.ordersaga.orderservice.order;

import java.util.Map;

import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Overload is refused at the door: nobody plays inventory here, so placed orders stay
 * undecided, and once more are undecided than the limit a new order answers 429. One
 * order may be placed at a time, so every request after the first also shows that the one
 * before it gave its place back, whether it was placed, refused or repeated. A refusal is
 * answered before the request's body is read, but after its token is checked.
 */
@TestPropertySource(properties = { "saga.order.admission.max-undecided=2", "saga.order.admission.sample-interval=100ms",
		"saga.order.admission.retry-after=3s", "saga.order.admission.max-concurrent=1" })
class OrderAdmissionIntegrationTests extends OrderServiceIntegrationTest {

	private static final String ORDER = "{\"customerId\":\"c-busy\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}";

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void refusesNewOrdersWith429WhileTooManyAreUndecidedButStillAnswersARepeatedOne() {
		// orders other test classes left undecided in the shared schema would count too
		this.jdbc.update(
				"update orders set status = 'REJECTED', reason = 'TIMEOUT' where status in ('PENDING', 'RESERVED')");
		HttpJson.Response first = await().atMost(PATIENCE)
			.until(() -> this.http.post("/orders", ORDER, Map.of("Idempotency-Key", "busy-1")),
					(response) -> response.status() == 201);
		assertThat(this.http.post("/orders", ORDER).status()).isEqualTo(201);
		assertThat(this.http.post("/orders", ORDER).status()).isEqualTo(201);

		HttpJson.Response refused = await().atMost(PATIENCE)
			.until(() -> this.http.post("/orders", ORDER), (response) -> response.status() != 201);
		assertThat(refused.status()).isEqualTo(429);
		assertThat(refused.header("Retry-After")).isEqualTo("3");
		assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
		assertThat(refused.body().get("detail").asString())
			.matches("Too many orders in progress \\(\\d+ undecided, the limit is 2\\); try again later");

		// refused before the body is read: one that would be a 400 is a 429 too
		HttpJson.Response unread = this.http.post("/orders", "{\"customerId\":\"c-busy\",\"items\":[]}");
		assertThat(unread.status()).isEqualTo(429);
		assertThat(unread.header("Retry-After")).isEqualTo("3");
		assertThat(unread.body().get("instance").asString()).isEqualTo("/orders");
		// but not before the token is checked
		assertThat(this.http.anonymous().post("/orders", ORDER).status()).isEqualTo(401);

		HttpJson.Response repeated = this.http.post("/orders", ORDER, Map.of("Idempotency-Key", "busy-1"));
		assertThat(repeated.status()).isEqualTo(200);
		assertThat(repeated.body().get("orderId").asString()).isEqualTo(first.body().get("orderId").asString());
		assertThat(this.meters.counter("saga.orders.shed").count()).isGreaterThanOrEqualTo(1);
	}

}
