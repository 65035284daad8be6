package dev.ordersaga.messaging.inbox;

import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import dev.ordersaga.messaging.kafka.UnreadableEventException;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record, decoded: its event, or the reason it cannot have one. */
sealed interface InboundRecord {

	ConsumerRecord<String, byte[]> record();

	/** A record that carries a valid event. */
	record Decoded(ConsumerRecord<String, byte[]> record, ReceivedEvent event) implements InboundRecord {
	}

	/** A record that breaks the contract: it can never be processed. */
	record Unreadable(ConsumerRecord<String, byte[]> record, UnreadableEventException reason) implements InboundRecord {
	}

	static InboundRecord decode(EventCodec codec, ConsumerRecord<String, byte[]> record) {
		try {
			return new Decoded(record, codec.read(record));
		}
		catch (UnreadableEventException ex) {
			return new Unreadable(record, ex);
		}
	}

	/** How log lines and exception messages name a record. */
	static String describe(ConsumerRecord<?, ?> record) {
		return "Record " + record.topic() + "-" + record.partition() + "@" + record.offset();
	}

}
