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
 * run time through {@code /actuator/faults} when {@code saga.faults.enabled=true}. The
 * latency is capped below the consumers' poll interval: an event that sleeps past it
 * would get its consumer dropped from the group.
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

	private final Duration maxLatency;

	private volatile Settings settings;

	private final AtomicLong failNext = new AtomicLong();

	private final AtomicLong injected = new AtomicLong();

	/**
	 * @param maxLatency the longest latency that may be set, at start-up or at run time
	 */
	public FaultInjection(SagaProperties properties, Duration maxLatency) {
		SagaProperties.Faults faults = properties.faults();
		this.enabled = faults.enabled();
		this.maxLatency = maxLatency;
		Settings configured = new Settings(faults.failureRate(), faults.latency(), 0, faults.eventType());
		check(configured);
		this.settings = configured;
	}

	/**
	 * The cap on the latency for consumers polling at most every {@code maxPollInterval}:
	 * a tenth of it, so that a few slowed events of one batch still finish in time.
	 */
	public static Duration maxLatencyFor(Duration maxPollInterval) {
		return maxPollInterval.dividedBy(10);
	}

	public Duration maxLatency() {
		return this.maxLatency;
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
		check(next);
		this.settings = next;
		this.failNext.set(next.failNext());
	}

	private void check(Settings next) {
		if (next.failureRate() < 0 || next.failureRate() > 1) {
			throw new IllegalArgumentException("failureRate must be between 0 and 1, was " + next.failureRate());
		}
		if (next.latency().isNegative() || next.latency().compareTo(this.maxLatency) > 0) {
			throw new IllegalArgumentException("latency must be between 0 and " + this.maxLatency.toMillis()
					+ " ms (a tenth of the consumers' max.poll.interval.ms), was " + next.latency().toMillis() + " ms");
		}
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
