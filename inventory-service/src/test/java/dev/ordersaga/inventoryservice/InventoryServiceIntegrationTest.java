package dev.ordersaga.inventoryservice;

import dev.ordersaga.messaging.test.ConsumedRecords;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.ServiceIntegrationTest;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of inventory-service's integration tests: the whole service on a random port,
 * against real Kafka, PostgreSQL and Redis; tests play order-service over Kafka and can
 * tell how many times a record was consumed ({@link ConsumedRecords}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(ConsumedRecords.class)
public abstract class InventoryServiceIntegrationTest extends ServiceIntegrationTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		SagaInfrastructure.register(registry, "inventory");
	}

}
