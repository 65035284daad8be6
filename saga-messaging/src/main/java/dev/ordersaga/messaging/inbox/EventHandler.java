package dev.ordersaga.messaging.inbox;

import dev.ordersaga.messaging.kafka.ReceivedEvent;

/**
 * A service's reaction to one event; runs inside the transaction that records it as
 * processed.
 */
@FunctionalInterface
public interface EventHandler {

	void handle(ReceivedEvent event);

}
