package dev.ordersaga.analyticsservice.rebuild;

import java.util.Arrays;
import java.util.List;

import dev.ordersaga.messaging.replay.ReadModelRebuild;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.stereotype.Service;

/**
 * Throws the order facts away and consumes every retained order event again. The figures
 * come back the same because recording a fact does not depend on the order its events
 * arrive in. Refused, with nothing cleared, when they could not come back: while another
 * instance consumes, or, unless forced, when retention already deleted order events.
 */
@Service
class RebuildingFigures {

	private final ReadModelRebuild rebuild;

	private final RetainedEvents retained;

	private final KafkaListenerEndpointRegistry listeners;

	private final JdbcTemplate jdbc;

	RebuildingFigures(ReadModelRebuild rebuild, RetainedEvents retained, KafkaListenerEndpointRegistry listeners,
			JdbcTemplate jdbc) {
		this.rebuild = rebuild;
		this.retained = retained;
		this.listeners = listeners;
		this.jdbc = jdbc;
	}

	/**
	 * Rebuilds the figures.
	 * @param force rebuild from what is left even though retention deleted order events
	 * (their figures are lost)
	 * @throws RebuildRefusedException when the figures could not come back
	 */
	ReadModelRebuild.Report rebuild(boolean force) {
		if (!force) {
			List<String> trimmed = this.retained.trimmedPartitions(consumedTopics());
			if (!trimmed.isEmpty()) {
				throw new RebuildRefusedException("retention deleted older order events (" + String.join("; ", trimmed)
						+ "): their figures could not come back; rebuild with force=true to rebuild from what is left");
			}
		}
		try {
			return this.rebuild.rebuild(() -> this.jdbc.update("delete from order_fact"));
		}
		catch (ReadModelRebuild.OtherInstancesException ex) {
			throw new RebuildRefusedException(String.valueOf(ex.getMessage()));
		}
	}

	/** The topics this instance's listeners consume: those a rebuild consumes again. */
	private List<String> consumedTopics() {
		return this.listeners.getListenerContainers()
			.stream()
			.flatMap((container) -> Arrays.stream(container.getContainerProperties().getTopics()))
			.distinct()
			.toList();
	}

}
