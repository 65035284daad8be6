package dev.ordersaga.orderservice;

import java.util.Map;
import java.util.UUID;

import dev.ordersaga.messaging.test.RecordedSpans;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.ServiceIntegrationTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of order-service's integration tests: the whole service on a random port,
 * against real Kafka, PostgreSQL and Redis; tests play inventory and payment over Kafka.
 * The spans it finishes are kept in memory ({@link RecordedSpans}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(RecordedSpans.class)
public abstract class OrderServiceIntegrationTest extends ServiceIntegrationTest {

	/**
	 * Many tests leave their orders undecided (nobody plays inventory), and on a busy
	 * machine the oldest of them soon waits longer than the admission limit allows, which
	 * would refuse the orders of the tests after them; the limit on how many are
	 * undecided still applies.
	 */
	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		SagaInfrastructure.register(registry, "orders", Map.of("saga.order.admission.max-oldest-wait", "1h"));
	}

	/** Places an order of one unit of SKU-1 and returns its id. */
	protected UUID placeOrderOfOneUnit(String customerId) {
		return UUID
			.fromString(
					this.http
						.post("/orders",
								"{\"customerId\":\"" + customerId
										+ "\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}")
						.body()
						.get("orderId")
						.asString());
	}

}
