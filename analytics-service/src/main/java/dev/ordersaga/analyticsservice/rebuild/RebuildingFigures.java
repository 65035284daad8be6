package dev.ordersaga.analyticsservice.rebuild;

import dev.ordersaga.messaging.replay.ReadModelRebuild;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Throws the order facts away and consumes every retained order event again. The figures
 * come back the same because recording a fact does not depend on the order its events
 * arrive in.
 */
@Service
class RebuildingFigures {

	private final ReadModelRebuild rebuild;

	private final JdbcTemplate jdbc;

	RebuildingFigures(ReadModelRebuild rebuild, JdbcTemplate jdbc) {
		this.rebuild = rebuild;
		this.jdbc = jdbc;
	}

	ReadModelRebuild.Report rebuild() {
		return this.rebuild.rebuild(() -> this.jdbc.update("delete from order_fact"));
	}

}
