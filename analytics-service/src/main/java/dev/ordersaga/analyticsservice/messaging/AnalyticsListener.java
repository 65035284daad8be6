package dev.ordersaga.analyticsservice.messaging;

import java.util.List;

import dev.ordersaga.analyticsservice.summary.RecordingOrderFacts;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.messaging.inbox.InboundEvents;
import dev.ordersaga.messaging.kafka.ReceivedEvent;
import dev.ordersaga.messaging.replay.ReplayableListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Order events, handed to the recording use case. The group is the service's name
 * ({@code spring.application.name}), which is {@code Subscription.ANALYTICS.group()}.
 */
@Component
class AnalyticsListener extends ReplayableListener {

	private final InboundEvents inbound;

	private final RecordingOrderFacts recording;

	AnalyticsListener(InboundEvents inbound, RecordingOrderFacts recording) {
		this.inbound = inbound;
		this.recording = recording;
	}

	// the topics a rebuild replays (sagactl analytics rebuild), so that it replays all of
	// them
	@KafkaListener(topics = "#{T(dev.ordersaga.events.Subscription).ANALYTICS.topics()}")
	void onOrderEvents(List<ConsumerRecord<String, byte[]>> records) {
		this.inbound.process(records, this::handle);
	}

	private void handle(ReceivedEvent event) {
		switch (event.payload()) {
			case OrderCreated created -> this.recording.orderCreated(created);
			case OrderConfirmed confirmed -> this.recording.orderConfirmed(confirmed, event.time());
			case OrderRejected rejected -> this.recording.orderRejected(rejected, event.time());
			case OrderCancelled cancelled -> this.recording.orderCancelled(cancelled, event.time());
			default -> {
				// not an order event
			}
		}
	}

}
