package dev.ordersaga.orderservice;

import dev.ordersaga.messaging.test.EventPublisher;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.TopicProbe;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The base of order-service's integration tests: the whole service on a random port,
 * against real Kafka, PostgreSQL and Redis, with a publisher to play inventory and
 * payment and a probe to read what the service published.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class OrderServiceIntegrationTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		SagaInfrastructure.register(registry, "orders");
	}

	@LocalServerPort
	private int port;

	protected HttpJson http;

	protected EventPublisher publisher;

	protected TopicProbe topics;

	@BeforeEach
	void connect() {
		String kafka = SagaInfrastructure.endpoints().kafkaBootstrapServers();
		this.http = new HttpJson("http://localhost:" + this.port);
		this.publisher = new EventPublisher(kafka);
		this.topics = new TopicProbe(kafka);
	}

	@AfterEach
	void disconnect() {
		this.publisher.close();
	}

}
