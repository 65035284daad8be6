package dev.ordersaga.orderservice.order;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.PaymentStatus;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.events.Topics;
import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Orders nobody answers are rejected once their deadline passes, and stay rejected. */
@TestPropertySource(properties = { "saga.order.deadline=2s", "saga.order.deadline-sweep-interval=200ms" })
class OrderDeadlineIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void rejectsAnOrderNobodyAnsweredWithTimeoutAndIgnoresALateCharge() {
		UUID orderId = placeOrderOfOneUnit("c-late");

		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.topics.events(Topics.ORDER_REJECTED, orderId))
				.containsExactly(new OrderRejected(new OrderId(orderId), "c-late", RejectionReason.TIMEOUT)));
		JsonNode order = this.http.get("/orders/" + orderId).body();
		assertThat(order.get("status").asString()).isEqualTo("REJECTED");
		assertThat(order.get("reason").asString()).isEqualTo("TIMEOUT");

		UUID charge = this.publisher.publish(new PaymentCompleted(new OrderId(orderId), PaymentStatus.CHARGED,
				new BigDecimal("12.50"), "EUR", null));
		awaitProcessed(charge);
		JsonNode after = this.http.get("/orders/" + orderId).body();
		assertThat(after.get("status").asString()).isEqualTo("REJECTED");
		assertThat(after.get("history").size()).isEqualTo(2);
	}

	/**
	 * An overdue order whose row another transaction holds (another instance's sweep,
	 * say) is skipped, not waited for: orders past their deadline behind it are still
	 * rejected, and it is rejected once the row is free.
	 */
	@Test
	void skipsAnOverdueOrderAnotherTransactionHoldsAndRejectsItOnceFree() throws Exception {
		UUID held = placeOrderOfOneUnit("c-held");
		UUID next = placeOrderOfOneUnit("c-next");
		try (Connection other = this.dataSource.getConnection()) {
			other.setAutoCommit(false);
			try (PreparedStatement lock = other
				.prepareStatement("select id from orders where id = ? for no key update")) {
				lock.setObject(1, held);
				lock.execute();
			}
			await().atMost(PATIENCE)
				.untilAsserted(() -> assertThat(this.topics.events(Topics.ORDER_REJECTED, next)).hasSize(1));
			assertThat(this.topics.events(Topics.ORDER_REJECTED, held)).isEmpty();
			other.commit();
		}
		await().atMost(PATIENCE)
			.untilAsserted(() -> assertThat(this.topics.events(Topics.ORDER_REJECTED, held))
				.containsExactly(new OrderRejected(new OrderId(held), "c-held", RejectionReason.TIMEOUT)));
	}

}
