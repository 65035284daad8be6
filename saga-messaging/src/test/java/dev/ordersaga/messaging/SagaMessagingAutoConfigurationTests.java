package dev.ordersaga.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import javax.sql.DataSource;

import dev.ordersaga.messaging.faults.FaultInjection;
import dev.ordersaga.messaging.faults.FaultsEndpoint;
import dev.ordersaga.messaging.inbox.InboundEvents;
import dev.ordersaga.messaging.inbox.InboxReset;
import dev.ordersaga.messaging.inbox.ProcessedEventPurge;
import dev.ordersaga.messaging.kafka.DeadLetters;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.KafkaHealthIndicator;
import dev.ordersaga.messaging.kafka.SagaTopics;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.messaging.outbox.OutboxRelay;
import dev.ordersaga.messaging.replay.ReadModelRebuild;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.LifecycleProcessor;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.CommonLoggingErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * Which beans the auto-configuration contributes and which it leaves to a service. The
 * infrastructure it builds on (Kafka, PostgreSQL, Redis clients) is stood in for, and
 * nothing is started: the beans are wired, never connected.
 */
class SagaMessagingAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SagaMessagingAutoConfiguration.class))
		.withPropertyValues("spring.application.name=inventory-service",
				"spring.kafka.consumer.group-id=inventory-service", "saga.schema=inventory", "saga.topics.verify=false")
		.withBean("lifecycleProcessor", LifecycleProcessor.class, NothingStarts::new)
		.withBean(KafkaAdmin.class, SagaMessagingAutoConfigurationTests::kafkaAdmin)
		.withBean(KafkaOperations.class, () -> mock(KafkaOperations.class))
		.withBean(ConsumerFactory.class, () -> mock(ConsumerFactory.class))
		.withBean(KafkaListenerEndpointRegistry.class, KafkaListenerEndpointRegistry::new)
		.withBean(JdbcTemplate.class, () -> new JdbcTemplate(mock(DataSource.class)))
		.withBean(PlatformTransactionManager.class, () -> mock(PlatformTransactionManager.class))
		.withBean(StringRedisTemplate.class, () -> new StringRedisTemplate(mock(RedisConnectionFactory.class)))
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void providesWhatAServiceBuildsOn() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(Outbox.class)
				.hasSingleBean(OutboxRelay.class)
				.hasSingleBean(InboundEvents.class)
				.hasSingleBean(InboxReset.class)
				.hasSingleBean(ProcessedEventPurge.class)
				.hasSingleBean(DeadLetters.class)
				.hasSingleBean(DefaultErrorHandler.class)
				.hasSingleBean(ReadModelRebuild.class)
				.hasSingleBean(FaultInjection.class)
				.hasSingleBean(EventCodec.class)
				.hasSingleBean(KafkaHealthIndicator.class)
				.hasSingleBean(SagaTopics.class)
				.hasBean("recentReplays")
				.hasBean("replayControl");
			assertThat(context.getBean(Clock.class)).isEqualTo(Clock.systemUTC());
		});
	}

	/**
	 * The beans do not depend on the settings a deployment changes, so that a bean set
	 * chosen at build time (Spring AOT, as the stack runs) still honours them: the fault
	 * endpoint answers only where fault injection is on.
	 */
	@Test
	void theFaultsEndpointIsAlwaysThereAndAnswersOnlyWhenFaultInjectionIsEnabled() {
		this.runner.run((context) -> assertThat(context.getBean(FaultsEndpoint.class).show().getStatus())
			.isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND));
		this.runner.withPropertyValues("saga.faults.enabled=true")
			.run((context) -> assertThat(context.getBean(FaultsEndpoint.class).show().getStatus())
				.isEqualTo(WebEndpointResponse.STATUS_OK));
	}

	@Test
	void capsTheFaultLatencyAtATenthOfTheConsumersPollInterval() {
		this.runner.run((context) -> assertThat(context.getBean(FaultInjection.class).maxLatency())
			.isEqualTo(Duration.ofSeconds(30)));
		this.runner.withPropertyValues("spring.kafka.consumer.properties.max.poll.interval.ms=60000")
			.run((context) -> assertThat(context.getBean(FaultInjection.class).maxLatency())
				.isEqualTo(Duration.ofSeconds(6)));
		this.runner.withPropertyValues("saga.faults.latency=31s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("latency must be between 0 and 30000 ms"));
	}

	@Test
	void readsTheServicesOwnClock() {
		Clock fixed = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
		this.runner.withBean(Clock.class, () -> fixed)
			.run((context) -> assertThat(context).getBean(Clock.class).isSameAs(fixed));
	}

	@Test
	void usesTheServicesOwnCodec() {
		EventCodec codec = new EventCodec();
		this.runner.withBean(EventCodec.class, () -> codec)
			.run((context) -> assertThat(context).getBean(EventCodec.class).isSameAs(codec));
	}

	@Test
	void leavesKafkaHealthToTheServicesOwnIndicator() {
		this.runner.withBean("kafkaHealth", KafkaHealthIndicator.class, () -> new KafkaHealthIndicator(kafkaAdmin()))
			.run((context) -> assertThat(context).hasSingleBean(KafkaHealthIndicator.class)
				.hasBean("kafkaHealth")
				.doesNotHaveBean("kafkaHealthIndicator"));
	}

	@Test
	void leavesErrorHandlingToTheServicesOwnHandler() {
		this.runner.withBean(CommonErrorHandler.class, CommonLoggingErrorHandler::new)
			.run((context) -> assertThat(context).hasSingleBean(CommonErrorHandler.class)
				.doesNotHaveBean(DefaultErrorHandler.class));
	}

	/** An admin that creates no topics, so that nothing talks to a broker. */
	private static KafkaAdmin kafkaAdmin() {
		KafkaAdmin admin = new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1"));
		admin.setAutoCreate(false);
		return admin;
	}

	/** Starts no lifecycle bean: the relay, the purge and replay control stay idle. */
	private static final class NothingStarts implements LifecycleProcessor {

		@Override
		public void onRefresh() {
		}

		@Override
		public void onClose() {
		}

		@Override
		public void start() {
		}

		@Override
		public void stop() {
		}

		@Override
		public boolean isRunning() {
			return false;
		}

	}

}
