package dev.ordersaga.orderservice.order;

import java.util.UUID;

import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.outbox.OutboxRelay;
import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An order committed while its event could not be published (the relay down, as after a
 * crash between the commit and the send): the event waits in the outbox and is published
 * once, when the relay runs again.
 */
class OutboxCrashIntegrationTests extends OrderServiceIntegrationTest {

	@Autowired
	private OutboxRelay relay;

	@Test
	void anEventCommittedWhileTheRelayWasDownIsPublishedOnceItRuns() {
		UUID orderId;
		this.relay.stop();
		try {
			orderId = placeOrderOfOneUnit("c-crash");
			assertThat(outboxRows(orderId)).isEqualTo(1);
			assertThat(this.topics.records(Topics.ORDER_CREATED, orderId)).isEmpty();
		}
		finally {
			this.relay.start();
		}
		awaitOutboxFlushed(orderId);
		assertThat(this.topics.records(Topics.ORDER_CREATED, orderId)).hasSize(1);
	}

}
