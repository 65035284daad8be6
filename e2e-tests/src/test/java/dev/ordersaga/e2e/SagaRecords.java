package dev.ordersaga.e2e;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.test.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The saga's events on a topic, the way a consumer sees them: each event once (a copy
 * with the same {@code ce_id}, which a relay may send after a crash, is the same event),
 * in the order of their partition, grouped by order.
 */
final class SagaRecords {

	private static final EventCodec codec = new EventCodec();

	private SagaRecords() {
	}

	/**
	 * Each order's events on the topic, in topic order, copies left out; records that are
	 * not events (poison) are passed by.
	 */
	static Map<String, List<SagaEvent>> eventsByOrder(TopicProbe topics, String topic) {
		Map<String, List<SagaEvent>> byOrder = new LinkedHashMap<>();
		Set<String> seen = new HashSet<>();
		for (ConsumerRecord<String, byte[]> record : topics.records(topic)) {
			String eventId = TopicProbe.header(record, EventHeaders.ID);
			if (eventId == null || !seen.add(eventId)) {
				continue;
			}
			SagaEvent event;
			try {
				event = codec.read(record).payload();
			}
			catch (RuntimeException ex) {
				continue; // poison: the dead-letter tests look after it
			}
			byOrder.computeIfAbsent(record.key(), (key) -> new ArrayList<>()).add(event);
		}
		return byOrder;
	}

	/** The status an event reports: RESERVED, CHARGED…, or its type for the others. */
	static String status(SagaEvent event) {
		return switch (event) {
			case InventoryUpdated updated -> updated.status().name();
			case PaymentCompleted completed -> completed.status().name();
			default -> event.type();
		};
	}

}
