package dev.ordersaga.inventoryservice.messaging;

import java.net.URI;
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

	private static final String JDBC_URL = SagaInfrastructure.endpoints().jdbcUrl();

	private static final TcpProxy postgres = proxyTo(JDBC_URL.substring("jdbc:".length()));

	@DynamicPropertySource
	static void infrastructureThroughProxy(DynamicPropertyRegistry registry) {
		URI target = URI.create(JDBC_URL.substring("jdbc:".length()));
		String proxied = JDBC_URL.replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + postgres.port());
		SagaInfrastructure.register(registry, "inventory",
				Map.of("spring.datasource.url", proxied, "spring.datasource.hikari.connection-timeout", "1500"));
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
