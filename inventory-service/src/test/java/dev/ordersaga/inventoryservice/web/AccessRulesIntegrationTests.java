package dev.ordersaga.inventoryservice.web;

import dev.ordersaga.inventoryservice.InventoryServiceIntegrationTest;
import dev.ordersaga.messaging.test.AccessMatrix;
import org.junit.jupiter.api.Test;

/**
 * Who may do what in inventory-service: anyone with a token reads the catalog; only an
 * operator sets products and reads reservations.
 */
class AccessRulesIntegrationTests extends InventoryServiceIntegrationTest {

	private static final String PRODUCT = "{\"name\":\"Kettle\",\"unitPrice\":20.00,\"currency\":\"EUR\",\"onHand\":5}";

	@Test
	void whoMayCallWhat() {
		AccessMatrix matrix = new AccessMatrix(this.http);
		String sku = "ACL-" + matrix.customerA;
		matrix.row("PUT", "/products/" + sku, PRODUCT, 401, 403, 403, 201)
			.row("GET", "/products/" + sku, null, 401, 200, 200, 200)
			.row("GET", "/products", null, 401, 200, 200, 200)
			.row("GET", "/products/NO-SUCH-SKU", null, 401, 404, 404, 404)
			.row("GET", "/reservations", null, 401, 403, 403, 200)
			.row("GET", "/reservations?orderId=" + java.util.UUID.randomUUID(), null, 401, 403, 403, 200)
			.check();
	}

}
