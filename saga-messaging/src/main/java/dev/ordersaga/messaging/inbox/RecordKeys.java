package dev.ordersaga.messaging.inbox;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Redis keys about one record as a consumer group saw it. The timestamp tells a record
 * apart from another at the same offset of a topic created anew (a test broker, a topic
 * deleted and created again), whose count or mark must not be inherited.
 */
final class RecordKeys {

	private RecordKeys() {
	}

	/** {@code saga:<kind>:<group>:<topic>:<partition>:<offset>:<timestamp>} */
	static String of(String kind, String group, ConsumerRecord<?, ?> record) {
		return "saga:" + kind + ":" + group + ":" + record.topic() + ":" + record.partition() + ":" + record.offset()
				+ ":" + record.timestamp();
	}

}
