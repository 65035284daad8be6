package dev.ordersaga.paymentservice.messaging;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.PaymentStatus;
import dev.ordersaga.events.PricedLine;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.EventPublisher;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.ScramKafkaBroker;
import dev.ordersaga.messaging.test.TestTokens;
import dev.ordersaga.messaging.test.TopicProbe;
import dev.ordersaga.paymentservice.PaymentServiceApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A service on a broker that requires a login (SASL/SCRAM): with the credentials as
 * standard client properties ({@code spring.kafka.properties.*}, which the environment
 * sets as {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG} and so on), its admin,
 * consumers and producers all log in; with a wrong password it starts, says Kafka is DOWN
 * and why, and takes nothing in.
 */
class KafkaLoginIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	@Test
	void withCredentialsThePaymentServiceConsumesAndPublishesOnTheBrokerThatRequiresALogin() {
		ScramKafkaBroker broker = ScramKafkaBroker.shared();
		try (ConfigurableApplicationContext service = start(ScramKafkaBroker.serviceProperties());
				EventPublisher publisher = new EventPublisher(broker.plaintextBootstrapServers())) {
			HttpJson api = api(service);
			String customer = "login-" + UUID.randomUUID();
			assertThat(api.put("/accounts/" + customer, "{\"balance\":100.00,\"currency\":\"EUR\"}").status())
				.isEqualTo(201);
			OrderId orderId = OrderId.random();
			publisher.publish(InventoryUpdated.reserved(orderId, customer,
					List.of(new PricedLine("SKU-1", 2, new BigDecimal("12.50"))), "EUR"));

			TopicProbe topics = new TopicProbe(broker.plaintextBootstrapServers());
			PaymentCompleted charged = await().atMost(PATIENCE)
				.until(() -> topics.events(Topics.PAYMENT_COMPLETED, orderId.value()), (events) -> !events.isEmpty())
				.stream()
				.map(PaymentCompleted.class::cast)
				.findFirst()
				.orElseThrow();
			assertThat(charged.status()).isEqualTo(PaymentStatus.CHARGED);
			assertThat(kafkaHealth(service).get("status").asString()).isEqualTo("UP");
		}
	}

	@Test
	void withAWrongPasswordKafkaIsDownAndTheHealthSaysWhy() {
		try (ConfigurableApplicationContext service = start(
				ScramKafkaBroker.servicePropertiesWithPassword("not-the-password"))) {
			JsonNode kafka = await().atMost(PATIENCE)
				.until(() -> kafkaHealth(service), (health) -> "DOWN".equals(health.get("status").asString()));
			assertThat(kafka.get("details").get("error").asString()).contains("Authentication failed");
		}
	}

	/**
	 * The payment-service against the broker that requires a login, as command-line
	 * arguments (they outrank the service's own configuration).
	 */
	private static ConfigurableApplicationContext start(Map<String, String> kafka) {
		SagaInfrastructure.Endpoints infra = SagaInfrastructure.endpoints();
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--management.server.port=0",
				"--management.endpoint.health.show-details=always", "--spring.datasource.url=" + infra.jdbcUrl(),
				"--spring.datasource.username=" + infra.dbUser(), "--spring.datasource.password=" + infra.dbPassword(),
				"--spring.data.redis.url=" + infra.redisUrl(),
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation(),
				// a group of its own on this broker
				"--spring.kafka.consumer.group-id=payment-service-login-" + UUID.randomUUID(),
				// and tables of its own: the other tests' service, alive in
				// this JVM on the other broker, relays its schema's outbox and
				// would send this service's events there
				"--saga.schema=payment_login"));
		kafka.forEach((name, value) -> args.add("--" + name + "=" + value));
		return new SpringApplicationBuilder(PaymentServiceApplication.class).run(args.toArray(String[]::new));
	}

	private static HttpJson api(ConfigurableApplicationContext service) {
		String port = service.getEnvironment().getProperty("local.server.port");
		return new HttpJson("http://localhost:" + port).withToken(TestTokens.operator());
	}

	private static JsonNode kafkaHealth(ConfigurableApplicationContext service) {
		String port = service.getEnvironment().getProperty("local.management.port");
		return new HttpJson("http://127.0.0.1:" + port).get("/actuator/health/kafka").body();
	}

}
