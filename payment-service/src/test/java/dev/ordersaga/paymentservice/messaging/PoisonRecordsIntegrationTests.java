package dev.ordersaga.paymentservice.messaging;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.events.Topics;
import dev.ordersaga.paymentservice.PaymentServiceIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every topic payment-service reads: poison goes to its dead-letter topic, and the
 * partition keeps flowing.
 */
class PoisonRecordsIntegrationTests extends PaymentServiceIntegrationTest {

	@TestFactory
	Stream<DynamicTest> poisonOnEveryInputTopicIsDeadLetteredAndTheNextEventIsProcessed() {
		Map<String, Function<OrderId, SagaEvent>> inputs = Map.of(Topics.INVENTORY_UPDATED,
				(id) -> InventoryUpdated.rejected(id, "c-poison", RejectionReason.OUT_OF_STOCK), Topics.ORDER_REJECTED,
				(id) -> new OrderRejected(id, "c-poison", RejectionReason.TIMEOUT), Topics.ORDER_CANCELLED,
				(id) -> new OrderCancelled(id, "c-poison", CancellationReason.CUSTOMER_REQUEST));
		return poisonIsDeadLetteredAndTheFlowGoesOn(inputs);
	}

}
