package dev.ordersaga.messaging.outbox;

import java.util.Map;

import dev.ordersaga.messaging.test.SagaInfrastructure;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service with nothing but the saga's messaging, an outbox and its relay, on a schema
 * of the test database. Its relay publishes only when a commit wakes it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class OutboxOnlyService {

	static ConfigurableApplicationContext start(SagaInfrastructure.Endpoints infra, String schema, String name) {
		return start(infra, schema, name, OutboxOnlyService.class);
	}

	/** The same service, with beans of the given configuration classes added. */
	static ConfigurableApplicationContext start(SagaInfrastructure.Endpoints infra, String schema, String name,
			Class<?>... sources) {
		Map<String, String> properties = Map.of("spring.application.name", name, "saga.schema", schema,
				"spring.flyway.locations", "classpath:db/saga-messaging", "spring.kafka.bootstrap-servers",
				infra.kafkaBootstrapServers(), "spring.datasource.url", infra.jdbcUrl(), "spring.datasource.username",
				infra.dbUser(), "spring.datasource.password", infra.dbPassword(), "spring.data.redis.url",
				infra.redisUrl(),
				// only the wake-up on commit publishes while a test writes
				"saga.outbox.sweep-interval", "1h",
				// the committing thread sends what it may, the relay the rest
				"saga.outbox.send-on-commit", "true");
		// as arguments, so that they outrank the saga's defaults
		return new SpringApplicationBuilder(OutboxOnlyService.class).sources(sources)
			.web(WebApplicationType.NONE)
			.run(properties.entrySet()
				.stream()
				.map((property) -> "--" + property.getKey() + "=" + property.getValue())
				.toArray(String[]::new));
	}

}
