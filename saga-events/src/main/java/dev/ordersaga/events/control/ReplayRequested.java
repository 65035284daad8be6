package dev.ordersaga.events.control;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.ordersaga.events.Require;

/**
 * An operator asked a consumer group to consume a topic again from the given offsets.
 *
 * @param offsets the offset to consume again from, by partition
 * @param requestedBy who asked ({@code user@host})
 */
public record ReplayRequested(UUID id, String group, String topic, Map<Integer, Long> offsets, String requestedBy,
		Instant requestedAt) {

	public ReplayRequested {
		Require.present(id, "id");
		Require.text(group, "group");
		Require.text(topic, "topic");
		offsets = Collections.unmodifiableSortedMap(new TreeMap<>(Require.present(offsets, "offsets")));
		Require.text(requestedBy, "requestedBy");
		Require.present(requestedAt, "requestedAt");
	}

}
