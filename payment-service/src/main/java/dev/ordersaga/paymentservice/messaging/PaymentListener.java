package dev.ordersaga.paymentservice.messaging;

import java.util.List;

import dev.ordersaga.events.InventoryStatus;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.inbox.EventHandler;
import dev.ordersaga.messaging.inbox.InboundEvents;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import dev.ordersaga.messaging.replay.ReplayableListener;
import dev.ordersaga.paymentservice.payment.ChargingPayment;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reservations and order compensations, handed to the payment use case. */
@Component
class PaymentListener extends ReplayableListener implements EventHandler {

	private final InboundEvents inbound;

	private final ChargingPayment payments;

	PaymentListener(InboundEvents inbound, ChargingPayment payments) {
		this.inbound = inbound;
		this.payments = payments;
	}

	@KafkaListener(topics = { Topics.INVENTORY_UPDATED, Topics.ORDER_REJECTED, Topics.ORDER_CANCELLED })
	void onEvents(List<ConsumerRecord<String, byte[]>> records) {
		this.inbound.process(records, this);
	}

	@Override
	public void beforeBatch(List<SagaEvent> events) {
		this.payments.lockAccountsFor(events);
	}

	/**
	 * A reservation to charge, or an order to refund; other stock changes are not
	 * payment's.
	 */
	@Override
	public boolean reactsTo(SagaEvent event) {
		return switch (event) {
			case InventoryUpdated update -> update.status() == InventoryStatus.RESERVED;
			case OrderRejected rejected -> true;
			case OrderCancelled cancelled -> true;
			default -> false;
		};
	}

	@Override
	public void handle(ReceivedEvent event) {
		switch (event.payload()) {
			case InventoryUpdated update when update.status() == InventoryStatus.RESERVED ->
				this.payments.charge(update);
			case OrderRejected rejected -> this.payments.refund(rejected.orderId(), rejected.customerId());
			case OrderCancelled cancelled -> this.payments.refund(cancelled.orderId(), cancelled.customerId());
			default -> {
				// not an event payment reacts to
			}
		}
	}

}
