package dev.ordersaga.orderservice.messaging;

import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.ProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kafka clients the service really builds carry the saga's shared defaults
 * ({@code saga-defaults.properties}): what the outbox's guarantees and its latency rest
 * on.
 */
class KafkaClientSettingsIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	private ProducerFactory<?, ?> producers;

	@Autowired
	private ConsumerFactory<?, ?> consumers;

	@Test
	void theProducerIsIdempotentWaitsForEveryReplicaAndSendsWithoutLingering() {
		assertThat(this.producers.getConfigurationProperties()).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
			.containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true")
			.containsEntry(ProducerConfig.LINGER_MS_CONFIG, "0");
	}

	@Test
	void theConsumersCommitOnlyAfterTheListenerReturned() {
		assertThat(this.consumers.getConfigurationProperties())
			.containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false)
			.containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "order-service");
	}

}
