package dev.ordersaga.inventoryservice.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderConfirmed;
import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.RejectionReason;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.SagaEvent;
import dev.ordersaga.events.Topics;
import dev.ordersaga.inventoryservice.InventoryServiceIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every topic inventory-service reads: poison goes to its dead-letter topic, and the
 * partition keeps flowing.
 */
class PoisonRecordsIntegrationTests extends InventoryServiceIntegrationTest {

	@TestFactory
	Stream<DynamicTest> poisonOnEveryInputTopicIsDeadLetteredAndTheNextEventIsProcessed() {
		Map<String, Function<OrderId, SagaEvent>> inputs = Map.of(Topics.ORDER_CREATED,
				(id) -> new OrderCreated(id, "c-poison", List.of(new OrderLine("SKU-NONE", 1)), Instant.now()),
				Topics.ORDER_CONFIRMED, (id) -> new OrderConfirmed(id, "c-poison", BigDecimal.ONE, "EUR"),
				Topics.ORDER_REJECTED, (id) -> new OrderRejected(id, "c-poison", RejectionReason.TIMEOUT),
				Topics.ORDER_CANCELLED,
				(id) -> new OrderCancelled(id, "c-poison", CancellationReason.CUSTOMER_REQUEST));
		return poisonIsDeadLetteredAndTheFlowGoesOn(inputs);
	}

}
