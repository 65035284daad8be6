package dev.ordersaga.messaging.inbox;

import java.sql.Array;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.ordersaga.messaging.kafka.ReceivedEvent;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The database's record of the events this service applied. Marking events happens in the
 * transaction of their effect, so the effect and the mark commit together: a redelivered
 * event finds its mark and is skipped, whatever happened to any cache.
 */
class ProcessedEvents {

	private final JdbcTemplate jdbc;

	ProcessedEvents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Marks the events as processed, in one statement; returns the ids marked now. An id
	 * missing from the answer was processed before (or twice in this list).
	 */
	Set<UUID> markProcessed(List<ReceivedEvent> events) {
		Set<UUID> marked = new HashSet<>();
		if (events.isEmpty()) {
			return marked;
		}
		UUID[] ids = events.stream().map(ReceivedEvent::id).toArray(UUID[]::new);
		String[] types = events.stream().map((event) -> event.payload().type()).toArray(String[]::new);
		this.jdbc.query((connection) -> {
			var statement = connection.prepareStatement("insert into processed_event (event_id, event_type)"
					+ " select * from unnest(?, ?) on conflict do nothing returning event_id");
			Array idArray = connection.createArrayOf("uuid", ids);
			Array typeArray = connection.createArrayOf("text", types);
			statement.setArray(1, idArray);
			statement.setArray(2, typeArray);
			return statement;
		}, (row) -> {
			marked.add(row.getObject(1, UUID.class));
		});
		return marked;
	}

	/**
	 * Forgets every event this service processed, in the current transaction; returns how
	 * many.
	 */
	int forgetAll() {
		return this.jdbc.update("delete from processed_event");
	}

}
