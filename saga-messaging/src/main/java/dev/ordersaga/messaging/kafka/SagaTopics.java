package dev.ordersaga.messaging.kafka;

import java.util.Optional;

import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.SagaProperties;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates every topic of {@link Topics#partitionsByTopic} at start-up, before any
 * listener subscribes. Creating a topic that exists is a no-op.
 */
@Configuration(proxyBeanMethods = false)
public class SagaTopics {

	@Bean
	KafkaAdmin.NewTopics sagaTopics(SagaProperties properties) {
		SagaProperties.Topics topics = properties.topics();
		Optional<Short> replicationFactor = Optional.ofNullable(topics.replicationFactor());
		return new KafkaAdmin.NewTopics(Topics.partitionsByTopic(topics.partitions())
			.entrySet()
			.stream()
			.map((topic) -> new NewTopic(topic.getKey(), Optional.of(topic.getValue()), replicationFactor))
			.toArray(NewTopic[]::new));
	}

}
