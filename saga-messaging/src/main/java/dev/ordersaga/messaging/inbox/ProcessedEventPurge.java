package dev.ordersaga.messaging.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.ordersaga.messaging.SagaProperties;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Deletes {@code processed_event} rows older than {@code saga.idempotency.retention}, in
 * small batches every few minutes, so the table does not grow forever. The retention must
 * exceed the topics' retention: an event older than that cannot be redelivered.
 */
public class ProcessedEventPurge implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ProcessedEventPurge.class);

	private static final Duration EVERY = Duration.ofMinutes(5);

	private final JdbcTemplate jdbc;

	private final Duration retention;

	private final Clock clock;

	private @Nullable ScheduledExecutorService timer;

	ProcessedEventPurge(JdbcTemplate jdbc, SagaProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.retention = properties.idempotency().retention();
		this.clock = clock;
	}

	/** Deletes expired rows; returns how many. */
	public int purge() {
		Timestamp cutoff = Timestamp.from(this.clock.instant().minus(this.retention));
		int deleted = 0;
		int batch;
		do {
			batch = this.jdbc.update("delete from processed_event where event_id in "
					+ "(select event_id from processed_event where processed_at < ? limit 5000)", cutoff);
			deleted += batch;
		}
		while (batch == 5000);
		return deleted;
	}

	@Override
	@SuppressWarnings("FutureReturnValueIgnored") // the task logs its own failures;
													// stop() ends it
	public void start() {
		ScheduledExecutorService timer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("inbox-purge").factory());
		this.timer = timer;
		timer.scheduleWithFixedDelay(() -> {
			try {
				int deleted = purge();
				if (deleted > 0) {
					log.info("Purged {} processed events older than {}", deleted, this.retention);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not purge processed events: {}", ex.toString());
			}
		}, EVERY.toSeconds(), EVERY.toSeconds(), TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		ScheduledExecutorService timer = this.timer;
		if (timer != null) {
			timer.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		ScheduledExecutorService timer = this.timer;
		return timer != null && !timer.isShutdown();
	}

}
