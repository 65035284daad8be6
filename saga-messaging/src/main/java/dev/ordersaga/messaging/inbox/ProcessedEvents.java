package dev.ordersaga.messaging.inbox;

import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's record of the events this service applied. Marking an event happens in
 * the transaction of its effect, so the effect and the mark commit together: a
 * redelivered event finds its mark and is skipped, whatever happened to any cache.
 */
public class ProcessedEvents {

	private final JdbcTemplate jdbc;

	ProcessedEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Marks the event as processed; {@code false} when it already was. */
	boolean markProcessed(UUID eventId, String eventType) {
		return this.jdbc.update(
				"insert into processed_event (event_id, event_type) values (?, ?) on conflict do nothing", eventId,
				eventType) == 1;
	}

}
