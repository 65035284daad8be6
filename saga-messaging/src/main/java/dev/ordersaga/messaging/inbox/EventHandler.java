package dev.ordersaga.messaging.inbox;

import java.util.List;

import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.messaging.kafka.ReceivedEvent;

/**
 * A service's reaction to events; runs inside the transaction that records them as
 * processed.
 */
@FunctionalInterface
public interface EventHandler {

	void handle(ReceivedEvent event);

	/**
	 * Whether {@link #handle} can change anything for this event. An event it cannot is
	 * passed by before Redis or the database sees it: no idempotency mark, no
	 * {@code processed_event} row, no transaction (applying it once, twice or never is
	 * the same). Its offset is committed with the batch's. For example, order-service
	 * passes by the {@code inventory.updated} that says a reservation was committed.
	 */
	default boolean reactsTo(SagaEvent event) {
		return true;
	}

	/**
	 * Called once per transaction, before its events are handled: the place to lock every
	 * row the batch will change, in one fixed order (so two batches never deadlock), and
	 * to load in one query what the events would otherwise read one by one. The events
	 * are those about to be handled, duplicates already left out.
	 */
	default void beforeBatch(List<SagaEvent> events) {
	}

}
