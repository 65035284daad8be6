package dev.ordersaga.messaging.kafka;

import java.util.Optional;
import java.util.stream.Stream;

import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.SagaProperties;
import org.apache.kafka.clients.admin.NewTopic;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Creates every saga topic and its dead-letter topic with the same partition count at
 * start-up, before any listener subscribes, and the control topic with one partition.
 * Creating a topic that exists is a no-op.
 */
@Configuration(proxyBeanMethods = false)
public class SagaTopics {

	@Bean
	KafkaAdmin.NewTopics sagaTopics(SagaProperties properties) {
		SagaProperties.Topics topics = properties.topics();
		Stream<NewTopic> sagaTopics = Topics.ALL.stream()
			.flatMap((topic) -> Stream.of(topic, Topics.deadLetterOf(topic)))
			.map((name) -> new NewTopic(name, Optional.of(topics.partitions()),
					Optional.ofNullable(topics.replicationFactor())));
		NewTopic control = new NewTopic(Topics.CONTROL, Optional.of(1),
				Optional.ofNullable(topics.replicationFactor()));
		return new KafkaAdmin.NewTopics(Stream.concat(sagaTopics, Stream.of(control)).toArray(NewTopic[]::new));
	}

}
