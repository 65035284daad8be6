package dev.ordersaga.messaging;

import java.time.Clock;

import dev.ordersaga.messaging.faults.FaultInjection;
import dev.ordersaga.messaging.faults.FaultsEndpoint;
import dev.ordersaga.messaging.inbox.InboundEvents;
import dev.ordersaga.messaging.inbox.ProcessedEventPurge;
import dev.ordersaga.messaging.inbox.ProcessedEvents;
import dev.ordersaga.messaging.kafka.DeadLetterRouting;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.KafkaHealthIndicator;
import dev.ordersaga.messaging.kafka.SagaTopics;
import dev.ordersaga.messaging.metrics.ResidentMemoryMetrics;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.messaging.outbox.OutboxRelay;
import dev.ordersaga.messaging.replay.ReadModelRebuild;
import dev.ordersaga.messaging.replay.RecentReplays;
import dev.ordersaga.messaging.replay.ReplayControl;
import dev.ordersaga.messaging.replay.ReplayableListener;
import dev.ordersaga.messaging.web.ApiProblems;

import io.lettuce.core.ClientOptions;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.transaction.PlatformTransactionManager;

/** Everything a saga service needs to publish and consume events reliably. */
@AutoConfiguration
@EnableConfigurationProperties(SagaProperties.class)
@Import({ EventCodec.class, SagaTopics.class, Outbox.class, OutboxRelay.class, ProcessedEvents.class,
		InboundEvents.class, ProcessedEventPurge.class, DeadLetterRouting.class, ApiProblems.class })
public class SagaMessagingAutoConfiguration {

	@Bean
	KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		return new KafkaHealthIndicator(kafkaAdmin);
	}

	/**
	 * Redis is the fast path, not the truth: while it is unreachable, commands fail at
	 * once instead of queueing until it comes back, and consumers carry on with the
	 * database.
	 */
	@Bean
	LettuceClientOptionsBuilderCustomizer failFastWhileRedisIsDown() {
		return (options) -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
	}

	@Bean
	RecentReplays recentReplays() {
		return new RecentReplays(Clock.systemUTC());
	}

	@Bean
	ReplayControl replayControl(ConsumerFactory<String, byte[]> consumers, KafkaOperations<String, byte[]> kafka,
			ObjectProvider<ReplayableListener> listeners, RecentReplays recentReplays,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		return new ReplayControl(consumers, kafka, listeners, recentReplays, group);
	}

	@Bean
	ReadModelRebuild readModelRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager, StringRedisTemplate redis, RecentReplays recentReplays,
			@Value("${spring.kafka.consumer.group-id}") String group) {
		return new ReadModelRebuild(listeners, kafkaAdmin, jdbc, transactionManager, redis, recentReplays, group);
	}

	@Bean
	ResidentMemoryMetrics residentMemoryMetrics() {
		return new ResidentMemoryMetrics();
	}

	@Bean
	FaultInjection faultInjection(SagaProperties properties) {
		return new FaultInjection(properties);
	}

	@Bean
	FaultsEndpoint faultsEndpoint(FaultInjection faults) {
		return new FaultsEndpoint(faults);
	}

}
