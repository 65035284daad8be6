package dev.ordersaga.analyticsservice.summary;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SummaryController {

	private final ComputingSummary computing;

	SummaryController(ComputingSummary computing) {
		this.computing = computing;
	}

	@GetMapping("/analytics/summary")
	AnalyticsSummary summary() {
		return this.computing.summary();
	}

}
