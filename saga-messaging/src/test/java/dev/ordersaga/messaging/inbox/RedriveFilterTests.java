package dev.ordersaga.messaging.inbox;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;
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
		redriven(record, "inventory-service");

		assertThat(this.filter.isForThisGroup(record)).isTrue();
	}

	@Test
	void leavesOutARecordRedrivenForAnotherGroup() {
		ConsumerRecord<String, byte[]> record = record(orderCreated());
		redriven(record, "payment-service");

		assertThat(this.filter.isForThisGroup(record)).isFalse();
	}

	@Test
	void ignoresARedriveTargetWithoutTheDeadLetterItCameFrom() {
		ConsumerRecord<String, byte[]> record = record(orderCreated());
		header(record, EventHeaders.REDRIVE_FOR, "payment-service");

		assertThat(this.filter.isForThisGroup(record)).isTrue();
	}

	@Test
	void followsTheLastRedriveOfARecordRedrivenTwice() {
		ConsumerRecord<String, byte[]> record = record(orderCreated());
		redriven(record, "payment-service");
		redriven(record, "inventory-service");

		assertThat(this.filter.isForThisGroup(record)).isTrue();
	}

	/** As {@code sagactl dlq redrive --group} writes it. */
	private static void redriven(ConsumerRecord<String, byte[]> record, String group) {
		header(record, EventHeaders.REDRIVE_OF, Topics.deadLetterOf(Topics.ORDER_CREATED) + "-0@7");
		header(record, EventHeaders.REDRIVE_FOR, group);
	}

}
