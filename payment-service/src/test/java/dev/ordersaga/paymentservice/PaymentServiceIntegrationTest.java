package dev.ordersaga.paymentservice;

import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.ServiceIntegrationTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of payment-service's integration tests: the whole service on a random port,
 * against real Kafka, PostgreSQL and Redis; tests play order-service and inventory over
 * Kafka.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class PaymentServiceIntegrationTest extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		SagaInfrastructure.register(registry, "payment");
	}

}
