package dev.ordersaga.inventoryservice.messaging;

import java.util.Map;

import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Redis unreachable for about 20 s while orders arrive: the database's guarantee carries
 * on.
 */
class RedisOutageIntegrationTests extends OutageTest {

	private static final TcpProxy redis = proxyTo(SagaInfrastructure.endpoints().redisUrl());

	@DynamicPropertySource
	static void infrastructureThroughProxy(DynamicPropertyRegistry registry) {
		SagaInfrastructure.register(registry, "inventory",
				Map.of("spring.data.redis.url", throughProxy(SagaInfrastructure.endpoints().redisUrl(), redis)));
	}

	@AfterAll
	static void closeProxy() {
		redis.close();
	}

	@Test
	void ordersArrivingWhileRedisIsDownAreAppliedOnTheDatabasesGuaranteeAlone() {
		ordersSurviveAnOutageOf(redis, "redis", true);
	}

}
