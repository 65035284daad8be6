package dev.ordersaga.orderservice.messaging;

import java.util.List;

import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.inbox.EventHandler;
import dev.ordersaga.messaging.inbox.InboundEvents;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import dev.ordersaga.messaging.replay.ReplayableListener;
import dev.ordersaga.orderservice.order.DecidingOrderOutcome;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Inventory and payment reports, handed to the use case that decides the order's outcome.
 */
@Component
class OrderSagaListener extends ReplayableListener implements EventHandler {

	private final InboundEvents inbound;

	private final DecidingOrderOutcome deciding;

	OrderSagaListener(InboundEvents inbound, DecidingOrderOutcome deciding) {
		this.inbound = inbound;
		this.deciding = deciding;
	}

	@KafkaListener(topics = { Topics.INVENTORY_UPDATED, Topics.PAYMENT_COMPLETED })
	void onReports(List<ConsumerRecord<String, byte[]>> records) {
		this.inbound.process(records, this);
	}

	@Override
	public void beforeBatch(List<SagaEvent> events) {
		this.deciding.lockOrdersFor(events);
	}

	@Override
	public boolean reactsTo(SagaEvent event) {
		return this.deciding.canChangeAnOrder(event);
	}

	@Override
	public void handle(ReceivedEvent event) {
		switch (event.payload()) {
			case InventoryUpdated update -> this.deciding.inventoryUpdated(update, event.time());
			case PaymentCompleted payment -> this.deciding.paymentCompleted(payment, event.time());
			default -> {
				// not a report this service reacts to
			}
		}
	}

}
