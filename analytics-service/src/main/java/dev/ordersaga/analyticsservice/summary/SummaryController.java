package dev.ordersaga.analyticsservice.summary;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Analytics", description = "Figures of the saga, for operators")
class SummaryController {

	private final ComputingSummary computing;

	SummaryController(ComputingSummary computing) {
		this.computing = computing;
	}

	@GetMapping("/analytics/summary")
	@Operation(summary = "The saga's figures",
			description = "Orders by status, rejections by reason, revenue of the "
					+ "orders that stayed confirmed (per currency), and saga latency from creation to first decision.")
	@ApiResponse(responseCode = "200", description = "The figures")
	AnalyticsSummary summary() {
		return this.computing.summary();
	}

}
