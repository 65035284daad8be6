package dev.ordersaga.analyticsservice.rebuild;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.ordersaga.analyticsservice.AnalyticsServiceApplication;
import dev.ordersaga.analyticsservice.AnalyticsServiceIntegrationTest;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.TestTokens;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /analytics/rebuild} refuses, with 409 and nothing cleared, when the figures
 * could not come back. Deleting records trims the topic for the rest of this JVM's tests:
 * a later rebuild in this JVM must be forced.
 */
class RebuildRefusalsIntegrationTests extends AnalyticsServiceIntegrationTest {

	@Value("${spring.kafka.consumer.group-id}")
	private String group;

	@Test
	void aRebuildWhileASecondInstanceConsumesIsRefusedAndTheFiguresStay() throws Exception {
		placeAndConfirmAnOrder();
		JsonNode before = summary();
		try (ConfigurableApplicationContext second = startSecondInstance()) {
			assertThat(second.isActive()).isTrue();
			await().atMost(PATIENCE).until(() -> groupMembers() >= 2);

			HttpJson.Response refused = this.http.post("/analytics/rebuild", "");

			assertThat(refused.status()).isEqualTo(409);
			assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
			assertThat(refused.body().get("detail").asString()).containsIgnoringCase("instance");
			assertThat(summary()).isEqualTo(before);
		}
	}

	@Test
	void aRebuildAfterRetentionDeletedOrderEventsIsRefusedAndTheFiguresStay() throws Exception {
		OrderId orderId = placeAndConfirmAnOrder();
		ConsumerRecord<String, byte[]> created = this.topics.records(Topics.ORDER_CREATED, orderId.value()).get(0);
		TopicPartition partition = new TopicPartition(created.topic(), created.partition());
		try (Admin admin = admin()) {
			admin.deleteRecords(Map.of(partition, RecordsToDelete.beforeOffset(created.offset() + 1)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		JsonNode before = summary();

		HttpJson.Response refused = this.http.post("/analytics/rebuild", "");

		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.header("Content-Type")).isEqualTo("application/problem+json");
		assertThat(refused.body().get("detail").asString()).startsWith("retention deleted older order events")
			.contains(partition + " starts at " + (created.offset() + 1));
		assertThat(summary()).isEqualTo(before);
		awaitCaughtUp();
		assertThat(summary()).isEqualTo(before);
	}

	private OrderId placeAndConfirmAnOrder() {
		OrderId orderId = OrderId.random();
		String customerId = "c-" + UUID.randomUUID();
		this.publisher.publish(new OrderCreated(orderId, customerId, List.of(new OrderLine("SKU-1", 1)),
				Instant.now().minus(Duration.ofSeconds(1))));
		this.publisher.publish(new OrderConfirmed(orderId, customerId, new BigDecimal("12.50"), "EUR"));
		awaitCaughtUp();
		return orderId;
	}

	private JsonNode summary() {
		HttpJson.Response response = this.http.get("/analytics/summary");
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	/**
	 * Another analytics-service on the same infrastructure, in the same group; as
	 * command-line arguments, which outrank the service's own configuration.
	 */
	private static ConfigurableApplicationContext startSecondInstance() {
		SagaInfrastructure.Endpoints infra = SagaInfrastructure.endpoints();
		return new SpringApplicationBuilder(AnalyticsServiceApplication.class).run("--server.port=0",
				"--management.server.port=0", "--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
				"--spring.datasource.url=" + infra.jdbcUrl(), "--spring.datasource.username=" + infra.dbUser(),
				"--spring.datasource.password=" + infra.dbPassword(), "--spring.data.redis.url=" + infra.redisUrl(),
				"--spring.security.oauth2.resourceserver.jwt.public-key-location=" + TestTokens.publicKeyLocation());
	}

	private int groupMembers() throws Exception {
		try (Admin admin = admin()) {
			return admin.describeConsumerGroups(List.of(this.group))
				.describedGroups()
				.get(this.group)
				.get(30, TimeUnit.SECONDS)
				.members()
				.size();
		}
	}

	private static Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				SagaInfrastructure.endpoints().kafkaBootstrapServers()));
	}

}
