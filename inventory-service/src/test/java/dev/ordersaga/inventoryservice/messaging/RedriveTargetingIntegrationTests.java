package dev.ordersaga.inventoryservice.messaging;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.Services;
import dev.ordersaga.events.Topics;
import dev.ordersaga.inventoryservice.InventoryServiceIntegrationTest;
import dev.ordersaga.messaging.kafka.EventCodec;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A redriven record aimed at one consumer group is applied by that group and skipped by
 * the others.
 */
class RedriveTargetingIntegrationTests extends InventoryServiceIntegrationTest {

	@Autowired
	private JdbcTemplate jdbc;

	@Test
	void appliesARecordRedrivenForItsGroupAndSkipsOneRedrivenForAnother() {
		OrderId orderId = OrderId.random();
		byte[] value = new EventCodec()
			.write(new OrderCreated(orderId, "c-redrive", List.of(new OrderLine("SKU-NONE", 1)), Instant.now()));
		UUID forAnalytics = UUID.randomUUID();
		UUID forInventory = UUID.randomUUID();
		publish(orderId, value, forAnalytics, "analytics-service");
		publish(orderId, value, forInventory, "inventory-service");

		awaitProcessed(forInventory);
		assertThat(this.jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
				forAnalytics))
			.isZero();
	}

	private void publish(OrderId orderId, byte[] value, UUID eventId, String group) {
		this.publisher.publishRaw(Topics.ORDER_CREATED, orderId.toString(), value,
				Map.of(EventHeaders.ID, eventId.toString(), EventHeaders.TYPE, Topics.ORDER_CREATED,
						EventHeaders.SOURCE, Services.ORDER, EventHeaders.TIME, Instant.now().toString(),
						EventHeaders.REDRIVE_OF, Topics.deadLetterOf(Topics.ORDER_CREATED) + "-0@1",
						EventHeaders.REDRIVE_FOR, group));
	}

}
