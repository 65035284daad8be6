package dev.ordersaga.orderservice.messaging;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.ordersaga.events.DeclineReason;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.PaymentCompleted;
import dev.ordersaga.events.PaymentStatus;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.events.Topics;
import dev.ordersaga.orderservice.OrderServiceIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every topic order-service reads: poison goes to its dead-letter topic, and the
 * partition keeps flowing.
 */
class PoisonRecordsIntegrationTests extends OrderServiceIntegrationTest {

	@TestFactory
	Stream<DynamicTest> poisonOnEveryInputTopicIsDeadLetteredAndTheNextEventIsProcessed() {
		Map<String, Function<OrderId, SagaEvent>> inputs = Map.of(Topics.INVENTORY_UPDATED,
				(id) -> InventoryUpdated.rejected(id, "c-poison", RejectionReason.OUT_OF_STOCK),
				Topics.PAYMENT_COMPLETED, (id) -> new PaymentCompleted(id, PaymentStatus.DECLINED, BigDecimal.ONE,
						"EUR", DeclineReason.INSUFFICIENT_FUNDS));
		return poisonIsDeadLetteredAndTheFlowGoesOn(inputs);
	}

}
