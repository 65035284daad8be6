package dev.ordersaga.inventoryservice.messaging;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.inventoryservice.InventoryServiceIntegrationTest;
import dev.ordersaga.messaging.inbox.ProcessedEventPurge;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox's table does not grow forever: rows past the retention (8 days) are purged.
 */
class ProcessedEventPurgeIntegrationTests extends InventoryServiceIntegrationTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ProcessedEventPurge purge;

	@Test
	void purgesProcessedEventsOlderThanTheRetentionAndKeepsTheRest() {
		List<UUID> old = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
		UUID recent = UUID.randomUUID();
		for (UUID id : old) {
			insert(id, Instant.now().minus(Duration.ofDays(9)));
		}
		insert(recent, Instant.now().minus(Duration.ofDays(7)));

		assertThat(this.purge.purge()).isGreaterThanOrEqualTo(3);
		assertThat(count(old)).isZero();
		assertThat(count(List.of(recent))).isOne();
	}

	private void insert(UUID eventId, Instant processedAt) {
		this.jdbc.update("insert into processed_event (event_id, event_type, processed_at) values (?, ?, ?)", eventId,
				"order.created", Timestamp.from(processedAt));
	}

	private int count(List<UUID> ids) {
		return ids.stream()
			.mapToInt((id) -> this.jdbc.queryForObject("select count(*) from processed_event where event_id = ?",
					Integer.class, id))
			.sum();
	}

}
