package dev.ordersaga.messaging.faults;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * {@code /actuator/faults}, which answers only when {@code saga.faults.enabled=true} (404
 * otherwise, as if it did not exist: the switch cannot be turned on at run time): GET
 * shows the fault switch, POST
 * {@code {"failureRate":0.2,"latencyMs":50,"failNext":2,"eventType":"order.created"}}
 * sets it (every field optional; a rate outside 0 to 1 or a latency past the cap answers
 * 400), DELETE turns it off. It is a bean in every service, whatever the setting, so that
 * the bean set does not depend on it (the stack runs with the bean set chosen at build
 * time, Spring AOT).
 */
@WebEndpoint(id = "faults")
public class FaultsEndpoint {

	private final FaultInjection faults;

	public FaultsEndpoint(FaultInjection faults) {
		this.faults = faults;
	}

	@ReadOperation
	public WebEndpointResponse<Map<String, Object>> show() {
		return answer(this::shown);
	}

	@WriteOperation
	public WebEndpointResponse<Map<String, Object>> change(@Nullable Double failureRate, @Nullable Long latencyMs,
			@Nullable Long failNext, @Nullable String eventType) {
		return answer(() -> changed(failureRate, latencyMs, failNext, eventType));
	}

	@DeleteOperation
	public WebEndpointResponse<Map<String, Object>> off() {
		return answer(() -> {
			this.faults.change(FaultInjection.Settings.OFF);
			return shown();
		});
	}

	private WebEndpointResponse<Map<String, Object>> answer(Supplier<Map<String, Object>> operation) {
		if (!this.faults.isEnabled()) {
			return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
		}
		return new WebEndpointResponse<>(operation.get());
	}

	private Map<String, Object> shown() {
		FaultInjection.Settings settings = this.faults.settings();
		return Map.of("enabled", this.faults.isEnabled(), "failureRate", settings.failureRate(), "latencyMs",
				settings.latency().toMillis(), "maxLatencyMs", this.faults.maxLatency().toMillis(), "failNext",
				settings.failNext(), "eventType", settings.eventType(), "injected", this.faults.injected());
	}

	private Map<String, Object> changed(@Nullable Double failureRate, @Nullable Long latencyMs, @Nullable Long failNext,
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
		return shown();
	}

}
