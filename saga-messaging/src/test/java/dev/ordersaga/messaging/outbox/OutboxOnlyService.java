package dev.ordersaga.messaging.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.awaitility.Awaitility.await;

/**
 * A service with nothing but the saga's messaging, an outbox and its relay, on a schema
 * of the test database. Its relay publishes only when a commit wakes it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class OutboxOnlyService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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

	/** Drops the schema, so that the next service to start migrates it anew. */
	static void dropSchema(SagaInfrastructure.Endpoints infra, String schema) {
		new JdbcTemplate(new DriverManagerDataSource(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword()))
			.execute("drop schema if exists " + schema + " cascade");
	}

	/**
	 * The sequence numbers (the first line's quantity) of the order's events on
	 * {@code order.created}, in topic order, once there are that many.
	 */
	static List<Integer> publishedSequences(OrderId order, int count) {
		TopicProbe topics = new TopicProbe(SagaInfrastructure.endpoints().kafkaBootstrapServers());
		return await().atMost(Duration.ofSeconds(30))
			.until(() -> topics.records(Topics.ORDER_CREATED, order.value()), (records) -> records.size() >= count)
			.stream()
			.map((record) -> JSON.readValue(record.value(), OrderCreated.class).items().get(0).quantity())
			.toList();
	}

	/** How many rows of the order the service's outbox holds. */
	static int rowsOf(ConfigurableApplicationContext service, OrderId order) {
		Integer rows = service.getBean(JdbcTemplate.class)
			.queryForObject("select count(*) from outbox_event where message_key = ?", Integer.class, order.toString());
		return (rows != null) ? rows : 0;
	}

	/** Waits until the service's outbox holds no row of these orders. */
	static void awaitNoRowsOf(ConfigurableApplicationContext service, OrderId... orders) {
		await().atMost(Duration.ofSeconds(30))
			.until(() -> Stream.of(orders).allMatch((order) -> rowsOf(service, order) == 0));
	}

	/**
	 * Waits until nothing of the service's outbox is on its way out, so that the next
	 * commit sends its rows itself.
	 */
	static void awaitIdle(ConfigurableApplicationContext service) {
		OutboxRelay relay = service.getBean(OutboxRelay.class);
		await().atMost(Duration.ofSeconds(30)).until(relay::idle);
	}

	/**
	 * How many events the service published so far, by the committing thread or the
	 * relay.
	 */
	static double published(ConfigurableApplicationContext service, String by) {
		return service.getBean(MeterRegistry.class).get("saga.outbox.published").tag("by", by).counter().count();
	}

}
