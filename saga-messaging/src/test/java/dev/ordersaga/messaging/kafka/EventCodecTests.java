package dev.ordersaga.messaging.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EventCodecTests {

	private final EventCodec codec = new EventCodec();

	private final OrderCreated created = new OrderCreated(OrderId.random(), "c-1", List.of(new OrderLine("SKU-1", 2)),
			Instant.parse("2026-11-22T10:00:00Z"));

	@Test
	void readsBackWhatItWrote() {
		UUID id = UUID.randomUUID();
		ReceivedEvent event = this.codec.read(record(Topics.ORDER_CREATED, this.created.orderId().toString(),
				this.codec.write(this.created), id.toString(), "order.created"));
		assertThat(event.payload()).isEqualTo(this.created);
		assertThat(event.id()).isEqualTo(id);
		assertThat(event.coordinates()).isEqualTo("order.created-0@7");
	}

	@Test
	void writesTheContractsFieldNames() {
		String json = new String(this.codec.write(this.created), StandardCharsets.UTF_8);
		assertThat(json).contains("\"orderId\":\"" + this.created.orderId() + "\"", "\"customerId\":\"c-1\"",
				"\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]", "\"createdAt\":\"2026-11-22T10:00:00Z\"");
	}

	@Test
	void ignoresUnknownFields() {
		String json = new String(this.codec.write(this.created), StandardCharsets.UTF_8).replace("{\"orderId\"",
				"{\"somethingNew\":1,\"orderId\"");
		assertThat(this.codec.read(record(json)).payload()).isEqualTo(this.created);
	}

	@Test
	void rejectsBytesThatAreNotJson() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.codec.read(record(Topics.ORDER_CREATED, "k", new byte[] { 0, (byte) 0xff, 42 },
					UUID.randomUUID().toString(), "order.created")))
			.withMessageContaining("not a valid order.created");
	}

	@Test
	void rejectsAMissingRequiredField() {
		String json = "{\"orderId\":\"" + this.created.orderId() + "\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}],"
				+ "\"createdAt\":\"2026-11-22T10:00:00Z\"}";
		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> this.codec.read(record(json)))
			.withMessageContaining("customerId");
	}

	@Test
	void rejectsAnUnknownEventType() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.codec.read(record(Topics.ORDER_CREATED, this.created.orderId().toString(),
					this.codec.write(this.created), UUID.randomUUID().toString(), "order.teleported")))
			.withMessageContaining("unknown event type 'order.teleported'");
	}

	@Test
	void rejectsAMissingOrMalformedEventId() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.codec.read(record(Topics.ORDER_CREATED, this.created.orderId().toString(),
					this.codec.write(this.created), "not-a-uuid", "order.created")))
			.withMessageContaining("ce_id");
	}

	@Test
	void rejectsAnEventOnAnotherTypesTopic() {
		// a valid order.created, produced onto inventory.updated
		ConsumerRecord<String, byte[]> misplaced = record(Topics.INVENTORY_UPDATED, this.created.orderId().toString(),
				this.codec.write(this.created), UUID.randomUUID().toString(), "order.created");

		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> this.codec.read(misplaced))
			.withMessage("a order.created event does not belong on topic inventory.updated");
	}

	@Test
	void rejectsAnEventFromAServiceThatDoesNotPublishItsType() {
		ConsumerRecord<String, byte[]> forged = record(json());
		forged.headers().remove(EventHeaders.SOURCE);
		forged.headers().add(EventHeaders.SOURCE, "payment-service".getBytes(StandardCharsets.UTF_8));

		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> this.codec.read(forged))
			.withMessage("order.created events come from order-service, not from 'payment-service'");
	}

	@Test
	void rejectsAnEventWithoutASource() {
		ConsumerRecord<String, byte[]> anonymous = record(json());
		anonymous.headers().remove(EventHeaders.SOURCE);

		assertThatExceptionOfType(UnreadableEventException.class).isThrownBy(() -> this.codec.read(anonymous))
			.withMessage("missing header ce_source");
	}

	@Test
	void rejectsAKeyThatIsNotTheOrderId() {
		assertThatExceptionOfType(UnreadableEventException.class)
			.isThrownBy(() -> this.codec.read(record(Topics.ORDER_CREATED, UUID.randomUUID().toString(),
					this.codec.write(this.created), UUID.randomUUID().toString(), "order.created")))
			.withMessageContaining("is not the event's orderId");
	}

	private String json() {
		return new String(this.codec.write(this.created), StandardCharsets.UTF_8);
	}

	private ConsumerRecord<String, byte[]> record(String json) {
		return record(Topics.ORDER_CREATED, this.created.orderId().toString(), json.getBytes(StandardCharsets.UTF_8),
				UUID.randomUUID().toString(), "order.created");
	}

	private static ConsumerRecord<String, byte[]> record(String topic, String key, byte[] value, String id,
			String type) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(topic, 0, 7, key, value);
		record.headers().add(EventHeaders.ID, id.getBytes(StandardCharsets.UTF_8));
		record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		record.headers().add(EventHeaders.SOURCE, "order-service".getBytes(StandardCharsets.UTF_8));
		record.headers().add(EventHeaders.TIME, Instant.now().toString().getBytes(StandardCharsets.UTF_8));
		return record;
	}

}
