package dev.ordersaga.analyticsservice.rebuild;

import dev.ordersaga.messaging.replay.ReadModelRebuild;
import dev.ordersaga.messaging.web.Problems;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /analytics/rebuild}: an operator's request, normally made by
 * {@code sagactl analytics rebuild}, which also waits for the replay and compares the
 * figures.
 */
@RestController
class RebuildController {

	private final RebuildingFigures rebuilding;

	RebuildController(RebuildingFigures rebuilding) {
		this.rebuilding = rebuilding;
	}

	@PostMapping("/analytics/rebuild")
	ReadModelRebuild.Report rebuild() {
		try {
			return this.rebuilding.rebuild();
		}
		catch (ReadModelRebuild.OtherInstancesException ex) {
			throw Problems.conflict(ex.getMessage());
		}
	}

}
