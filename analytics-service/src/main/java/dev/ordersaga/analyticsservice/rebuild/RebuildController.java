package dev.ordersaga.analyticsservice.rebuild;

import dev.ordersaga.messaging.replay.ReadModelRebuild;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /analytics/rebuild}: an operator's request, normally made by
 * {@code sagactl analytics rebuild}, which also waits for the replay and compares the
 * figures. {@code ?force=true} rebuilds even though retention deleted order events.
 */
@RestController
@Tag(name = "Analytics")
class RebuildController {

	private final RebuildingFigures rebuilding;

	RebuildController(RebuildingFigures rebuilding) {
		this.rebuilding = rebuilding;
	}

	@PostMapping("/analytics/rebuild")
	@Operation(summary = "Rebuilds the figures from the retained order events",
			description = "Clears the figures and consumes every retained order event again; "
					+ "`sagactl analytics rebuild` calls it and waits for the figures.")
	@ApiResponse(responseCode = "200", description = "Started: what was cleared and how much is consumed again")
	@ApiResponse(responseCode = "400", description = "`force` is not true or false")
	@ApiResponse(responseCode = "409", description = "Refused, nothing cleared: another instance consumes, or "
			+ "retention deleted order events and `force` is not true")
	ReadModelRebuild.Report rebuild(@RequestParam(defaultValue = "false") boolean force) {
		return this.rebuilding.rebuild(force);
	}

}
