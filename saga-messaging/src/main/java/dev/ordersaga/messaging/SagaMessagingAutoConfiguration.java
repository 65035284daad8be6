package dev.ordersaga.messaging;

import java.time.Clock;
import java.time.Duration;

import dev.ordersaga.messaging.faults.FaultInjection;
import dev.ordersaga.messaging.faults.FaultsEndpoint;
import dev.ordersaga.messaging.inbox.InboxConfiguration;
import dev.ordersaga.messaging.kafka.DeadLetterRouting;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.KafkaHealthIndicator;
import dev.ordersaga.messaging.kafka.SagaTopics;
import dev.ordersaga.messaging.metrics.ResidentMemoryMetrics;
import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.messaging.outbox.OutboxRelay;
import dev.ordersaga.messaging.tracing.EventTracing;
import dev.ordersaga.messaging.replay.ReplayConfiguration;
import dev.ordersaga.messaging.web.ApiProblems;
import dev.ordersaga.messaging.web.JsonOnly;
import dev.ordersaga.messaging.web.OrderInLogContext;
import dev.ordersaga.messaging.web.RequestBodyLimit;

import io.lettuce.core.ClientOptions;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Everything a saga service needs to publish and consume events reliably. A service may
 * replace the beans marked {@link ConditionalOnMissingBean} with its own: the
 * {@link Clock} (a fixed one in tests), the {@link EventCodec} and the Kafka health
 * indicator. The rest (outbox, inbox, dead-letter routing, replay) is how every service
 * keeps the delivery contract, and is not meant to be swapped.
 */
@AutoConfiguration
@EnableConfigurationProperties(SagaProperties.class)
@Import({ Outbox.class, OutboxRelay.class, InboxConfiguration.class, DeadLetterRouting.class, ReplayConfiguration.class,
		ApiProblems.class })
public class SagaMessagingAutoConfiguration {

	/** The time everything in this module reads, and services may read too. */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	EventCodec eventCodec() {
		return new EventCodec();
	}

	/**
	 * Every topic with its configured partition count before any listener subscribes
	 * (unless {@code saga.topics.verify=false}).
	 */
	@Bean
	SagaTopics sagaTopics(KafkaAdmin admin, SagaProperties properties,
			@Value("${spring.kafka.admin.auto-create:true}") boolean autoCreate) {
		return new SagaTopics(admin, properties, autoCreate);
	}

	/**
	 * Carries one order's trace through the outbox and the inbox, with Boot's tracer
	 * where there is one (every service has), a valid traceparent per event otherwise.
	 */
	@Bean
	EventTracing eventTracing(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		return new EventTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
				propagator.getIfAvailable(() -> Propagator.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
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
	ResidentMemoryMetrics residentMemoryMetrics() {
		return new ResidentMemoryMetrics();
	}

	@Bean
	FaultInjection faultInjection(SagaProperties properties,
			@Value("${spring.kafka.consumer.properties.max.poll.interval.ms:300000}") long maxPollIntervalMs) {
		return new FaultInjection(properties, FaultInjection.maxLatencyFor(Duration.ofMillis(maxPollIntervalMs)));
	}

	/** Every API refuses a body past {@code saga.web.max-request-body} with 413. */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	RequestBodyLimit requestBodyLimit(SagaProperties properties) {
		return new RequestBodyLimit(properties.web().maxRequestBody().toBytes());
	}

	/** The APIs answer JSON only, never YAML through a mapper of their own. */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	JsonOnly jsonOnly() {
		return new JsonOnly();
	}

	/** Log lines written while a request is handled name the order it is about. */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	WebMvcConfigurer orderInLogContext() {
		return new WebMvcConfigurer() {
			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new OrderInLogContext());
			}
		};
	}

	/** Where fault injection is off, the endpoint answers 404 to everything. */
	@Bean
	FaultsEndpoint faultsEndpoint(FaultInjection faults) {
		return new FaultsEndpoint(faults);
	}

}
