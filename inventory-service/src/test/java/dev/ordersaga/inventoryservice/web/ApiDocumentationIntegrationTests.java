package dev.ordersaga.inventoryservice.web;

import dev.ordersaga.inventoryservice.InventoryServiceIntegrationTest;
import dev.ordersaga.messaging.test.ApiDocumentation;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * inventory-service's OpenAPI document and Swagger UI: open without a token, and listing
 * every endpoint the service maps, each with a summary and its responses.
 */
class ApiDocumentationIntegrationTests extends InventoryServiceIntegrationTest {

	@Autowired
	private ApplicationContext context;

	@Test
	void documentsEveryEndpointForAnyoneToRead() {
		new ApiDocumentation(this.http, this.context).check();
	}

}
