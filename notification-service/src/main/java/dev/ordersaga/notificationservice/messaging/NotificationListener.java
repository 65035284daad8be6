package dev.ordersaga.notificationservice.messaging;

import java.util.List;

import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.inbox.EventHandler;
import dev.ordersaga.messaging.inbox.InboundEvents;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import dev.ordersaga.messaging.replay.ReplayableListener;
import dev.ordersaga.notificationservice.notification.NotifyingCustomers;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Order outcomes, handed to the notifying use case. */
@Component
class NotificationListener extends ReplayableListener implements EventHandler {

	private final InboundEvents inbound;

	private final NotifyingCustomers notifying;

	NotificationListener(InboundEvents inbound, NotifyingCustomers notifying) {
		this.inbound = inbound;
		this.notifying = notifying;
	}

	@KafkaListener(topics = { Topics.ORDER_CONFIRMED, Topics.ORDER_REJECTED, Topics.ORDER_CANCELLED })
	void onOutcomes(List<ConsumerRecord<String, byte[]>> records) {
		this.inbound.process(records, this);
	}

	@Override
	public void beforeBatch(List<SagaEvent> events) {
		this.notifying.beforeBatch(events);
	}

	@Override
	public void handle(ReceivedEvent event) {
		switch (event.payload()) {
			case OrderConfirmed confirmed -> this.notifying.orderConfirmed(confirmed);
			case OrderRejected rejected -> this.notifying.orderRejected(rejected);
			case OrderCancelled cancelled -> this.notifying.orderCancelled(cancelled);
			default -> {
				// not an outcome
			}
		}
	}

}
