package dev.ordersaga.orderservice.order;

import java.time.Clock;
import java.util.UUID;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.messaging.web.Problems;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels an order at the customer's request; {@code order.cancelled} compensates the
 * rest.
 */
@Service
public class CancellingOrder {

	private final OrderRepository orders;

	private final Outbox outbox;

	private final OrderChangeSignals signals;

	private final Clock clock = Clock.systemUTC();

	CancellingOrder(OrderRepository orders, Outbox outbox, OrderChangeSignals signals) {
		this.orders = orders;
		this.outbox = outbox;
		this.signals = signals;
	}

	@Transactional
	public Order cancel(UUID orderId) {
		Order order = this.orders.findForUpdate(orderId).orElseThrow(() -> Problems.notFound("No order " + orderId));
		try {
			this.outbox.publish(order.cancel(this.clock.instant()));
		}
		catch (OrderNotCancellableException ex) {
			throw Problems.conflict(ex.getMessage());
		}
		this.signals.afterCommit(orderId);
		return order;
	}

}
