package dev.ordersaga.orderservice;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.RedisKeyValueAdapter;
import org.springframework.data.redis.core.mapping.RedisMappingContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redis holds the inbox's idempotency marks and retry counters, written with plain
 * commands: no Spring Data Redis repositories are scanned for or built at start-up
 * ({@code spring.data.redis.repositories.enabled=false} in the shared defaults).
 */
class RedisUseIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	private ApplicationContext context;

	@Test
	void noRedisRepositoryInfrastructureIsBuilt() {
		assertThat(this.context.getBeanNamesForType(RedisKeyValueAdapter.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(RedisMappingContext.class)).isEmpty();
	}

}
