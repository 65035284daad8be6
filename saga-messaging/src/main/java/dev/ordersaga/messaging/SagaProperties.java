package dev.ordersaga.messaging;

import java.time.Duration;

import dev.ordersaga.events.TokenClaims;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every service, under {@code saga.*}.
 *
 * @param topics how the saga's topics are created
 * @param outbox how the outbox relay publishes
 * @param retry how a failed record is retried before it is dead-lettered
 * @param idempotency how long processed events are remembered
 * @param faults the fault switch for tests, demos and chaos runs
 * @param web limits of the HTTP APIs
 * @param security where a bearer token carries the caller's roles and customer id
 */
@ConfigurationProperties("saga")
public record SagaProperties(@DefaultValue Topics topics, @DefaultValue Outbox outbox, @DefaultValue Retry retry,
		@DefaultValue Idempotency idempotency, @DefaultValue Faults faults, @DefaultValue Web web,
		@DefaultValue Security security) {

	/**
	 * @param partitions partitions of every saga topic and of its dead-letter topic
	 * @param replicationFactor replicas of each partition; the broker's default when
	 * unset
	 * @param verify whether a service checks the topics' partition counts at start-up
	 * (and creates missing ones when {@code spring.kafka.admin.auto-create} allows); off
	 * only where its Kafka user may not describe topics
	 */
	public record Topics(@DefaultValue("6") int partitions, @Nullable Short replicationFactor,
			@DefaultValue("true") boolean verify) {
	}

	/**
	 * @param sweepInterval how often the relay looks for rows even when no commit woke it
	 * @param batchSize rows published per round trip
	 * @param sendOnCommit whether the thread that commits sends its events itself right
	 * after the commit while nothing else is on its way out (and no older event of the
	 * same key still waits), leaving the relay the rest (ADR 0008); when off, the relay
	 * publishes every row
	 */
	public record Outbox(@DefaultValue("1s") Duration sweepInterval, @DefaultValue("500") int batchSize,
			@DefaultValue("false") boolean sendOnCommit) {
	}

	/**
	 * @param maxAttempts attempts of a failing record before it goes to its dead-letter
	 * topic
	 * @param initialInterval backoff before the second attempt
	 * @param multiplier factor by which each backoff grows
	 * @param maxInterval the longest backoff
	 */
	public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("200ms") Duration initialInterval,
			@DefaultValue("2.0") double multiplier, @DefaultValue("5s") Duration maxInterval) {
	}

	/**
	 * @param inFlightTtl how long Redis marks an event as being applied
	 * @param doneTtl how long Redis remembers an applied event (at least the topics'
	 * retention)
	 * @param retention how long the database remembers an applied event before the row is
	 * purged (at least the topics' retention)
	 */
	public record Idempotency(@DefaultValue("30s") Duration inFlightTtl, @DefaultValue("7d") Duration doneTtl,
			@DefaultValue("8d") Duration retention) {
	}

	/**
	 * @param enabled whether {@code /actuator/faults} may switch faults on at run time
	 * @param failureRate share of events whose handling fails (0 to 1)
	 * @param latency delay added to each event's handling
	 * @param eventType only events of this {@code ce_type} are touched; all when empty
	 */
	public record Faults(@DefaultValue("false") boolean enabled, @DefaultValue("0") double failureRate,
			@DefaultValue("0ms") Duration latency, @DefaultValue("") String eventType) {
	}

	/**
	 * @param maxRequestBody the largest request body an API accepts; a larger one answers
	 * 413
	 */
	public record Web(@DefaultValue("64KB") DataSize maxRequestBody) {
	}

	/**
	 * Which claims of a token name the caller. The token itself is checked by Spring
	 * Security under {@code spring.security.oauth2.resourceserver.jwt.*} (an OIDC issuer,
	 * or the public key {@code ./stack up} creates).
	 *
	 * @param rolesClaim the claim holding the caller's roles ({@code customer},
	 * {@code operator}), a list of strings; a dotted path reaches into an object, e.g.
	 * Keycloak's {@code realm_access.roles}
	 * @param customerClaim the claim holding a customer's id
	 * @param tokenCache how many verified tokens are remembered, and for how long
	 */
	public record Security(@DefaultValue(TokenClaims.ROLES) String rolesClaim,
			@DefaultValue("sub") String customerClaim, @DefaultValue TokenCache tokenCache) {
	}

	/**
	 * Tokens a service verified and remembers, so the same token on the next request is
	 * not checked again; a token is never remembered past its {@code exp}.
	 *
	 * @param size the most tokens remembered; 0 checks every request's token
	 * @param maxAge the longest a token is remembered: how long it stays accepted after
	 * its key left the issuer's key set
	 */
	public record TokenCache(@DefaultValue("1000") int size, @DefaultValue("5m") Duration maxAge) {
	}

}
