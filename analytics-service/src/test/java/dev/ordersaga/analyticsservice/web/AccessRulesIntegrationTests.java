package dev.ordersaga.analyticsservice.web;

import dev.ordersaga.analyticsservice.AnalyticsServiceIntegrationTest;
import dev.ordersaga.messaging.test.AccessMatrix;
import org.junit.jupiter.api.Test;

/**
 * Who may do what in analytics-service: its figures and the rebuild are for operators.
 */
class AccessRulesIntegrationTests extends AnalyticsServiceIntegrationTest {

	@Test
	void whoMayCallWhat() {
		new AccessMatrix(this.http).row("GET", "/analytics/summary", null, 401, 403, 403, 200)
			// a malformed flag, so that the operator's call is refused before it rebuilds
			.row("POST", "/analytics/rebuild?force=maybe", null, 401, 403, 403, 400)
			.check();
	}

}
