package dev.ordersaga.inventoryservice.messaging;

import java.util.Map;

import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * PostgreSQL unreachable for about 20 s while orders arrive: retried, not dead-lettered.
 */
class PostgresOutageIntegrationTests extends OutageTest {

	/** The database's URL without its {@code jdbc:} prefix. */
	private static final String URL = SagaInfrastructure.endpoints().jdbcUrl().substring("jdbc:".length());

	private static final TcpProxy postgres = proxyTo(URL);

	@DynamicPropertySource
	static void infrastructureThroughProxy(DynamicPropertyRegistry registry) {
		SagaInfrastructure.register(registry, "inventory", Map.of("spring.datasource.url",
				"jdbc:" + throughProxy(URL, postgres), "spring.datasource.hikari.connection-timeout", "1500"));
	}

	@AfterAll
	static void closeProxy() {
		postgres.close();
	}

	@Test
	void ordersArrivingWhilePostgresIsDownAreAppliedOnceItIsBack() {
		ordersSurviveAnOutageOf(postgres, "db", false);
	}

}
