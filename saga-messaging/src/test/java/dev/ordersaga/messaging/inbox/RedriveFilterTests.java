package dev.ordersaga.messaging.inbox;

import dev.ordersaga.events.EventHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static dev.ordersaga.messaging.inbox.InboxFixtures.header;
import static dev.ordersaga.messaging.inbox.InboxFixtures.orderCreated;
import static dev.ordersaga.messaging.inbox.InboxFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

class RedriveFilterTests {

	private final RedriveFilter filter = new RedriveFilter("inventory-service");

	@Test
	void takesARecordThatWasNeverRedriven() {
		assertThat(this.filter.isForThisGroup(record(orderCreated()))).isTrue();
	}

	@Test
	void takesARecordRedrivenForThisGroup() {
		ConsumerRecord<String, byte[]> record = record(orderCreated());
		header(record, EventHeaders.REDRIVE_FOR, "inventory-service");

		assertThat(this.filter.isForThisGroup(record)).isTrue();
	}

	@Test
	void leavesOutARecordRedrivenForAnotherGroup() {
		ConsumerRecord<String, byte[]> record = record(orderCreated());
		header(record, EventHeaders.REDRIVE_FOR, "payment-service");

		assertThat(this.filter.isForThisGroup(record)).isFalse();
	}

	@Test
	void followsTheLastRedriveOfARecordRedrivenTwice() {
		ConsumerRecord<String, byte[]> record = record(orderCreated());
		header(record, EventHeaders.REDRIVE_FOR, "payment-service");
		header(record, EventHeaders.REDRIVE_FOR, "inventory-service");

		assertThat(this.filter.isForThisGroup(record)).isTrue();
	}

}
