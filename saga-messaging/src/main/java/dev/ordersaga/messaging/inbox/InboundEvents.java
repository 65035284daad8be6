package dev.ordersaga.messaging.inbox;

import java.util.List;

import dev.ordersaga.messaging.kafka.EventCodec;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a batch of records exactly once each. The fast path applies the whole batch in
 * one database transaction. If anything in it fails, the batch is rolled back and applied
 * again one record per transaction; the first record that fails is reported to the error
 * handler by its index, which commits the offsets before it and retries or dead-letters
 * it. Either way, offsets are committed only after the transaction that applied their
 * records committed.
 */
public class InboundEvents {

	private static final Logger log = LoggerFactory.getLogger(InboundEvents.class);

	private final EventCodec codec;

	private final ProcessedEvents processed;

	private final TransactionTemplate transactions;

	InboundEvents(EventCodec codec, ProcessedEvents processed, PlatformTransactionManager transactionManager) {
		this.codec = codec;
		this.processed = processed;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	public void process(List<ConsumerRecord<String, byte[]>> records, EventHandler handler) {
		if (records.size() > 1 && applyAllTogether(records, handler)) {
			return;
		}
		for (int index = 0; index < records.size(); index++) {
			ConsumerRecord<String, byte[]> record = records.get(index);
			try {
				this.transactions.executeWithoutResult((status) -> apply(record, handler));
			}
			catch (RuntimeException ex) {
				throw new BatchListenerFailedException(describe(record) + " failed: " + ex.getMessage(), ex, index);
			}
		}
	}

	private boolean applyAllTogether(List<ConsumerRecord<String, byte[]>> records, EventHandler handler) {
		try {
			this.transactions.executeWithoutResult((status) -> records.forEach((record) -> apply(record, handler)));
			return true;
		}
		catch (RuntimeException ex) {
			log.debug("Batch of {} records failed together, applying them one by one: {}", records.size(),
					ex.toString());
			return false;
		}
	}

	private void apply(ConsumerRecord<String, byte[]> record, EventHandler handler) {
		ReceivedEvent event = this.codec.read(record);
		if (!this.processed.markProcessed(event.id(), event.payload().type())) {
			log.debug("Skipping {} {} from {}: already processed", event.payload().type(), event.id(),
					event.coordinates());
			return;
		}
		handler.handle(event);
	}

	private static String describe(ConsumerRecord<String, byte[]> record) {
		return "Record " + record.topic() + "-" + record.partition() + "@" + record.offset();
	}

}
