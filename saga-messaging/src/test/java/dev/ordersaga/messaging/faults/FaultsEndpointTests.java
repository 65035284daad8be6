package dev.ordersaga.messaging.faults;

import java.time.Duration;
import java.util.Map;

import dev.ordersaga.messaging.SagaProperties;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The fault switch: what may be set, and the answer to what may not (the endpoint maps it
 * to 400).
 */
class FaultsEndpointTests {

	private final FaultInjection faults = new FaultInjection(properties(true), Duration.ofSeconds(30));

	private final FaultsEndpoint endpoint = new FaultsEndpoint(this.faults);

	@Test
	void setsOnlyTheFieldsGivenAndShowsTheCap() {
		this.endpoint.change(0.5, 200L, null, "order.created");
		Map<String, Object> shown = this.endpoint.change(null, null, 2L, null).getBody();

		assertThat(shown).containsEntry("failureRate", 0.5)
			.containsEntry("latencyMs", 200L)
			.containsEntry("failNext", 2L)
			.containsEntry("eventType", "order.created")
			.containsEntry("maxLatencyMs", 30_000L);
	}

	@Test
	void refusesALatencyPastTheCapAndKeepsWhatWasSet() {
		this.endpoint.change(null, 30_000L, null, null);

		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.change(null, 30_001L, null, null))
			.withMessage("latency must be between 0 and 30000 ms (a tenth of the consumers' max.poll.interval.ms),"
					+ " was 30001 ms");
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.change(null, -1L, null, null));
		assertThat(this.endpoint.show().getBody()).containsEntry("latencyMs", 30_000L);
	}

	@Test
	void refusesAFailureRateOutsideZeroToOne() {
		assertThatExceptionOfType(InvalidEndpointRequestException.class)
			.isThrownBy(() -> this.endpoint.change(1.5, null, null, null))
			.withMessage("failureRate must be between 0 and 1, was 1.5");
		assertThat(this.endpoint.show().getBody()).containsEntry("failureRate", 0.0);
	}

	@Test
	void deleteTurnsEverythingOff() {
		this.endpoint.change(1.0, 100L, 3L, "order.created");

		assertThat(this.endpoint.off().getBody()).containsEntry("failureRate", 0.0)
			.containsEntry("latencyMs", 0L)
			.containsEntry("failNext", 0L)
			.containsEntry("eventType", "");
	}

	@Test
	void answersNotFoundToEverythingWhileFaultInjectionIsOff() {
		FaultsEndpoint off = new FaultsEndpoint(new FaultInjection(properties(false), Duration.ofSeconds(30)));

		assertThat(off.show().getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
		assertThat(off.change(1.0, null, null, null).getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
		assertThat(off.off().getStatus()).isEqualTo(WebEndpointResponse.STATUS_NOT_FOUND);
		assertThat(this.endpoint.show().getStatus()).isEqualTo(WebEndpointResponse.STATUS_OK);
	}

	@Test
	void theCapIsATenthOfThePollInterval() {
		assertThat(FaultInjection.maxLatencyFor(Duration.ofMinutes(5))).isEqualTo(Duration.ofSeconds(30));
	}

	private static SagaProperties properties(boolean enabled) {
		return new Binder(new MapConfigurationPropertySource(Map.of("saga.faults.enabled", String.valueOf(enabled))))
			.bindOrCreate("saga", SagaProperties.class);
	}

}
