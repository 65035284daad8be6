package dev.ordersaga.messaging.faults;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import dev.ordersaga.messaging.SagaProperties;
import dev.ordersaga.messaging.Sleep;
import dev.ordersaga.messaging.kafka.ReceivedEvent;

/**
 * Injects failures and latency into event handling, before the service's handler runs and
 * inside its transaction. Settings come from {@code saga.faults.*} and can be changed at
 * run time through {@code /actuator/faults} when {@code saga.faults.enabled=true}.
 */
public class FaultInjection {

	/**
	 * @param failureRate share of events that fail (0 to 1)
	 * @param latency delay added to each event
	 * @param failNext how many of the next events fail, whatever the rate
	 * @param eventType only events of this type ({@code ce_type}) are touched; all when
	 * empty
	 */
	public record Settings(double failureRate, Duration latency, long failNext, String eventType) {

		static final Settings OFF = new Settings(0, Duration.ZERO, 0, "");

	}

	private final boolean enabled;

	private volatile Settings settings;

	private final AtomicLong failNext = new AtomicLong();

	private final AtomicLong injected = new AtomicLong();

	public FaultInjection(SagaProperties properties) {
		SagaProperties.Faults faults = properties.faults();
		this.enabled = faults.enabled();
		this.settings = new Settings(faults.failureRate(), faults.latency(), 0, faults.eventType());
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public Settings settings() {
		return new Settings(this.settings.failureRate(), this.settings.latency(), this.failNext.get(),
				this.settings.eventType());
	}

	public long injected() {
		return this.injected.get();
	}

	public void change(Settings next) {
		if (!this.enabled) {
			throw new IllegalStateException(
					"fault injection is off; start the service with saga.faults.enabled=true (SAGA_FAULTS_ENABLED=true)");
		}
		if (next.failureRate() < 0 || next.failureRate() > 1) {
			throw new IllegalArgumentException("failureRate must be between 0 and 1, was " + next.failureRate());
		}
		this.settings = next;
		this.failNext.set(next.failNext());
	}

	/** Called for each event before its handler: may wait, may throw. */
	public void beforeHandling(ReceivedEvent event) {
		Settings current = this.settings;
		if (!current.eventType().isEmpty() && !current.eventType().equals(event.payload().type())) {
			return;
		}
		if (!current.latency().isZero()) {
			Sleep.sleep(current.latency());
		}
		if (this.failNext.getAndUpdate((left) -> Math.max(0, left - 1)) > 0
				|| (current.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < current.failureRate())) {
			this.injected.incrementAndGet();
			throw new InjectedFaultException("injected fault handling " + event.payload().type() + " " + event.id());
		}
	}

}
