package dev.ordersaga.orderservice.web;

import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import dev.ordersaga.messaging.test.ApiDocumentation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * order-service's OpenAPI document and Swagger UI: open without a token, and listing
 * every endpoint the service maps, each with a summary and its responses.
 */
class ApiDocumentationIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	private ApplicationContext context;

	@Test
	void documentsEveryEndpointForAnyoneToRead() {
		new ApiDocumentation(this.http, this.context).check();
	}

}
