package dev.ordersaga.messaging.replay;

import java.time.Clock;

import dev.ordersaga.messaging.inbox.InboxReset;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Replays while the service runs, and rebuilding a read model: what services use is
 * {@link ReplayableListener} and {@link ReadModelRebuild}.
 */
@Configuration(proxyBeanMethods = false)
public class ReplayConfiguration {

	@Bean
	RecentReplays recentReplays(Clock clock) {
		return new RecentReplays(clock);
	}

	@Bean
	ReplayControl replayControl(ConsumerFactory<String, byte[]> consumers, KafkaOperations<String, byte[]> kafka,
			ObjectProvider<ReplayableListener> listeners, RecentReplays recentReplays, Clock clock,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		return new ReplayControl(consumers, kafka, listeners, recentReplays, clock, group);
	}

	@Bean
	ReadModelRebuild readModelRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, InboxReset inbox,
			PlatformTransactionManager transactionManager, RecentReplays recentReplays,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		return new ReadModelRebuild(listeners, kafkaAdmin, inbox, transactionManager, recentReplays, group);
	}

}
