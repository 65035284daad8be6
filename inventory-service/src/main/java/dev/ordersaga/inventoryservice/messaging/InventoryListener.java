package dev.ordersaga.inventoryservice.messaging;

import java.util.List;

import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.events.Topics;
import dev.ordersaga.inventoryservice.reservation.ReservingStock;
import dev.ordersaga.messaging.inbox.EventHandler;
import dev.ordersaga.messaging.inbox.InboundEvents;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import dev.ordersaga.messaging.replay.ReplayableListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Order events, handed to the stock use cases. */
@Component
class InventoryListener extends ReplayableListener implements EventHandler {

	private final InboundEvents inbound;

	private final ReservingStock stock;

	InventoryListener(InboundEvents inbound, ReservingStock stock) {
		this.inbound = inbound;
		this.stock = stock;
	}

	@KafkaListener(
			topics = { Topics.ORDER_CREATED, Topics.ORDER_CONFIRMED, Topics.ORDER_REJECTED, Topics.ORDER_CANCELLED })
	void onOrderEvents(List<ConsumerRecord<String, byte[]>> records) {
		this.inbound.process(records, this);
	}

	@Override
	public void beforeBatch(List<SagaEvent> events) {
		this.stock.lockStockFor(events);
	}

	@Override
	public void handle(ReceivedEvent event) {
		switch (event.payload()) {
			case OrderCreated created -> this.stock.reserve(created);
			case OrderConfirmed confirmed -> this.stock.commit(confirmed.orderId());
			case OrderRejected rejected -> this.stock.release(rejected.orderId(), rejected.customerId());
			case OrderCancelled cancelled -> this.stock.release(cancelled.orderId(), cancelled.customerId());
			default -> {
				// not an event inventory reacts to
			}
		}
	}

}
