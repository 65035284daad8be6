package dev.ordersaga.messaging.inbox;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
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

	private @Nullable ScheduledExecutorService timer;

	ProcessedEventPurge(JdbcTemplate jdbc, SagaProperties properties) {
		this.jdbc = jdbc;
		this.retention = properties.idempotency().retention();
	}

	/** Deletes expired rows; returns how many. */
	public int purge() {
		Timestamp cutoff = Timestamp.from(Instant.now().minus(this.retention));
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
		this.timer = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("inbox-purge").factory());
		this.timer.scheduleWithFixedDelay(() -> {
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
		if (this.timer != null) {
			this.timer.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.timer != null && !this.timer.isShutdown();
	}

}
