package dev.ordersaga.paymentservice.web;

import dev.ordersaga.paymentservice.PaymentServiceIntegrationTest;
import dev.ordersaga.messaging.test.ApiDocumentation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * payment-service's OpenAPI document and Swagger UI: open without a token, and listing
 * every endpoint the service maps, each with a summary and its responses.
 */
class ApiDocumentationIntegrationTests extends PaymentServiceIntegrationTest {

	@Autowired
	private ApplicationContext context;

	@Test
	void documentsEveryEndpointForAnyoneToRead() {
		new ApiDocumentation(this.http, this.context).check();
	}

}
