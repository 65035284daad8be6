package dev.ordersaga.orderservice.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.outbox.OutboxRelay;
import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order committed while another instance's relay holds the outbox lock is published as
 * soon as the lock is free, by the relay its commit woke, not by the sweep (here an hour
 * away): the woken relay waits for the lock instead of giving up. Sending on commit is
 * off here, so that the relay publishes the row, as it does a row behind an older one of
 * its key.
 */
@TestPropertySource(properties = { "saga.outbox.sweep-interval=1h", "saga.outbox.send-on-commit=false" })
class OutboxRelayLockIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	private DataSource dataSource;

	@Test
	void anEventCommittedWhileAnotherRelayHoldsTheLockIsPublishedOnceItIsReleased() throws Exception {
		UUID orderId;
		try (Connection otherRelay = this.dataSource.getConnection()) {
			otherRelay.setAutoCommit(false);
			try (PreparedStatement lock = otherRelay.prepareStatement("select pg_advisory_xact_lock(?)")) {
				lock.setLong(1, OutboxRelay.lockKey("orders"));
				lock.execute();
			}
			orderId = placeOrderOfOneUnit("c-locked");
			assertThat(outboxRows(orderId)).isEqualTo(1);
			otherRelay.commit();
		}
		awaitOutboxFlushed(orderId);
		assertThat(this.topics.records(Topics.ORDER_CREATED, orderId)).hasSize(1);
	}

}
