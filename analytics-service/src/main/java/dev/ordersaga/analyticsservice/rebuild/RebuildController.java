package dev.ordersaga.analyticsservice.rebuild;

import dev.ordersaga.messaging.replay.ReadModelRebuild;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /analytics/rebuild}: an operator's request, normally made by
 * {@code sagactl analytics rebuild}, which also waits for the replay and compares the
 * figures. {@code ?force=true} rebuilds even though retention deleted order events.
 */
@RestController
class RebuildController {

	private final RebuildingFigures rebuilding;

	RebuildController(RebuildingFigures rebuilding) {
		this.rebuilding = rebuilding;
	}

	@PostMapping("/analytics/rebuild")
	ReadModelRebuild.Report rebuild(@RequestParam(defaultValue = "false") boolean force) {
		return this.rebuilding.rebuild(force);
	}

}
