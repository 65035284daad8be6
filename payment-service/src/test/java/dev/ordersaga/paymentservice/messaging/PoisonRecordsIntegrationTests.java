package dev.ordersaga.paymentservice.messaging;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import dev.ordersaga.events.CancellationReason;
import dev.ordersaga.events.InventoryUpdated;
import dev.ordersaga.events.OrderCancelled;
import dev.ordersaga.events.OrderRejected;
import dev.ordersaga.events.PricedLine;
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
		// on inventory.updated a reservation, the one stock change payment acts on (it
		// passes the others by unrecorded); c-poison has no account, so it is declined
		Map<String, Function<OrderId, SagaEvent>> inputs = Map.of(Topics.INVENTORY_UPDATED,
				(id) -> InventoryUpdated.reserved(id, "c-poison",
						List.of(new PricedLine("SKU-1", 1, new BigDecimal("2.50"))), "EUR"),
				Topics.ORDER_REJECTED, (id) -> new OrderRejected(id, "c-poison", RejectionReason.TIMEOUT),
				Topics.ORDER_CANCELLED,
				(id) -> new OrderCancelled(id, "c-poison", CancellationReason.CUSTOMER_REQUEST));
		return poisonIsDeadLetteredAndTheFlowGoesOn(inputs);
	}

}
