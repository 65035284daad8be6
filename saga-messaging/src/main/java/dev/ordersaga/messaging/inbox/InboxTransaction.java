package dev.ordersaga.messaging.inbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.ordersaga.messaging.faults.FaultInjection;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import dev.ordersaga.messaging.tracing.EventTracing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the inbox does inside one database transaction (ADR 0007): marks the events
 * processed in one statement, lets the handler lock and load what the batch needs, then
 * handles each event seen for the first time. The caller owns the transaction.
 */
class InboxTransaction {

	private static final Logger log = LoggerFactory.getLogger(InboxTransaction.class);

	private final ProcessedEvents processed;

	private final FaultInjection faults;

	private final InboxMetrics metrics;

	private final EventTracing tracing;

	InboxTransaction(ProcessedEvents processed, FaultInjection faults, InboxMetrics metrics, EventTracing tracing) {
		this.processed = processed;
		this.faults = faults;
		this.metrics = metrics;
		this.tracing = tracing;
	}

	void apply(List<ReceivedEvent> events, EventHandler handler) {
		Set<UUID> firstTime = this.processed.markProcessed(events);
		List<ReceivedEvent> fresh = new ArrayList<>(events.size());
		for (ReceivedEvent event : events) {
			if (firstTime.remove(event.id())) {
				fresh.add(event);
			}
			else {
				this.metrics.duplicateSkipped();
				log.debug("Skipping {} {} from {}: already processed", event.payload().type(), event.id(),
						event.coordinates());
			}
		}
		if (fresh.isEmpty()) {
			return;
		}
		handler.beforeBatch(fresh.stream().map(ReceivedEvent::payload).toList());
		for (ReceivedEvent event : fresh) {
			this.tracing.handling(event, () -> {
				this.faults.beforeHandling(event);
				handler.handle(event);
			});
		}
	}

}
