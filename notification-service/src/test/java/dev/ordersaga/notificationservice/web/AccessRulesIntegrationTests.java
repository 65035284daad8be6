package dev.ordersaga.notificationservice.web;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.messaging.test.AccessMatrix;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.notificationservice.NotificationServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what in notification-service: a customer reads their own notifications and
 * never another's; an operator reads everyone's.
 */
class AccessRulesIntegrationTests extends NotificationServiceIntegrationTest {

	@Test
	void whoMayCallWhat() {
		AccessMatrix matrix = new AccessMatrix(this.http);
		matrix.row("GET", "/notifications", null, 401, 200, 200, 200)
			.row("GET", "/notifications?customerId=" + matrix.customerA, null, 401, 200, 403, 200)
			.row("GET", "/notifications?orderId=" + UUID.randomUUID(), null, 401, 200, 200, 200)
			.check();
	}

	@Test
	void aCustomerSeesOnlyTheirOwnNotifications() {
		String a = "a-" + UUID.randomUUID();
		String b = "b-" + UUID.randomUUID();
		OrderId orderId = OrderId.random();
		awaitProcessed(this.publisher.publish(new OrderConfirmed(orderId, a, new BigDecimal("25.00"), "EUR")));

		assertThat(orderIds(asCustomer(a).get("/notifications?orderId=" + orderId)))
			.containsExactly(orderId.toString());
		assertThat(orderIds(asCustomer(a).get("/notifications"))).containsExactly(orderId.toString());
		assertThat(orderIds(asCustomer(b).get("/notifications?orderId=" + orderId))).isEmpty();
		assertThat(orderIds(asCustomer(b).get("/notifications"))).isEmpty();
		assertThat(orderIds(this.http.get("/notifications?customerId=" + a))).containsExactly(orderId.toString());
	}

	private static List<String> orderIds(HttpJson.Response notifications) {
		assertThat(notifications.status()).isEqualTo(200);
		return notifications.body()
			.get("notifications")
			.valueStream()
			.map((notification) -> notification.get("orderId").asString())
			.toList();
	}

}
