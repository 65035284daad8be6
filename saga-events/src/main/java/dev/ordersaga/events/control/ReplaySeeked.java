package dev.ordersaga.events.control;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.ordersaga.events.Require;

/**
 * One running instance of a group seeked the partitions of a replay that it owns.
 *
 * @param requestId the {@link ReplayRequested#id()} answered
 * @param instance which instance ({@code service@host:pid})
 * @param offsets the partitions it seeked, with the offsets it seeked them to
 */
public record ReplaySeeked(UUID requestId, String group, String topic, String instance, Map<Integer, Long> offsets,
		Instant seekedAt) {

	public ReplaySeeked {
		Require.present(requestId, "requestId");
		Require.text(group, "group");
		Require.text(topic, "topic");
		Require.text(instance, "instance");
		offsets = Collections.unmodifiableSortedMap(new TreeMap<>(Require.present(offsets, "offsets")));
		Require.present(seekedAt, "seekedAt");
	}

}
