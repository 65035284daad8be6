package dev.ordersaga.messaging.inbox;

import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.messaging.inbox.InboundRecord.Decoded;
import dev.ordersaga.messaging.inbox.InboundRecord.Unreadable;
import dev.ordersaga.messaging.kafka.EventCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static dev.ordersaga.messaging.inbox.InboxFixtures.garbage;
import static dev.ordersaga.messaging.inbox.InboxFixtures.orderCreated;
import static dev.ordersaga.messaging.inbox.InboxFixtures.record;
import static org.assertj.core.api.Assertions.assertThat;

class InboundRecordTests {

	private final EventCodec codec = new EventCodec();

	@Test
	void decodesARecordIntoItsEvent() {
		OrderCreated event = orderCreated();
		ConsumerRecord<String, byte[]> record = record(event);

		assertThat(InboundRecord.decode(this.codec, record)).isInstanceOfSatisfying(Decoded.class, (readable) -> {
			assertThat(readable.record()).isSameAs(record);
			assertThat(readable.event().payload()).isEqualTo(event);
		});
	}

	@Test
	void keepsTheReasonARecordCannotBeDecoded() {
		ConsumerRecord<String, byte[]> record = garbage();

		assertThat(InboundRecord.decode(this.codec, record)).isInstanceOfSatisfying(Unreadable.class,
				(unreadable) -> assertThat(unreadable.reason()).hasMessageContaining("not a valid order.created"));
	}

	@Test
	void namesARecordByItsCoordinates() {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("order.created", 4, 17, "k", new byte[0]);

		assertThat(InboundRecord.describe(record)).isEqualTo("Record order.created-4@17");
	}

}
