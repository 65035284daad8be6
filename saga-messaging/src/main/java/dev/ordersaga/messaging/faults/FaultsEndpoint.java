package dev.ordersaga.messaging.faults;

import java.time.Duration;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@code /actuator/faults}, registered only when {@code saga.faults.enabled=true}: GET
 * shows the fault switch, POST
 * {@code {"failureRate":0.2,"latencyMs":50,"failNext":2,"eventType":"order.created"}}
 * sets it (every field optional; a rate outside 0 to 1 or a latency past the cap answers
 * 400), DELETE turns it off.
 */
@Endpoint(id = "faults")
public class FaultsEndpoint {

	private final FaultInjection faults;

	public FaultsEndpoint(FaultInjection faults) {
		this.faults = faults;
	}

	@ReadOperation
	public Map<String, Object> show() {
		FaultInjection.Settings settings = this.faults.settings();
		return Map.of("enabled", this.faults.isEnabled(), "failureRate", settings.failureRate(), "latencyMs",
				settings.latency().toMillis(), "maxLatencyMs", this.faults.maxLatency().toMillis(), "failNext",
				settings.failNext(), "eventType", settings.eventType(), "injected", this.faults.injected());
	}

	@WriteOperation
	public Map<String, Object> change(@Nullable Double failureRate, @Nullable Long latencyMs, @Nullable Long failNext,
			@Nullable String eventType) {
		FaultInjection.Settings current = this.faults.settings();
		try {
			this.faults.change(new FaultInjection.Settings((failureRate != null) ? failureRate : current.failureRate(),
					(latencyMs != null) ? Duration.ofMillis(latencyMs) : current.latency(),
					(failNext != null) ? failNext : current.failNext(),
					(eventType != null) ? eventType : current.eventType()));
		}
		catch (IllegalArgumentException ex) {
			String reason = String.valueOf(ex.getMessage());
			throw new InvalidEndpointRequestException(reason, reason);
		}
		return show();
	}

	@DeleteOperation
	public Map<String, Object> off() {
		this.faults.change(FaultInjection.Settings.OFF);
		return show();
	}

}
