package dev.ordersaga.orderservice.order;

import java.time.Clock;
import java.util.UUID;

import dev.ordersaga.messaging.outbox.Outbox;
import dev.ordersaga.messaging.security.Caller;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cancels an order at the customer's request; {@code order.cancelled} compensates the
 * rest.
 */
@Service
class CancellingOrder {

	private final OrderRepository orders;

	private final Outbox outbox;

	private final OrderChangeSignals signals;

	private final Clock clock;

	CancellingOrder(OrderRepository orders, Outbox outbox, OrderChangeSignals signals, Clock clock) {
		this.orders = orders;
		this.outbox = outbox;
		this.signals = signals;
		this.clock = clock;
	}

	/**
	 * Cancels the order.
	 * @throws UnknownOrderException when there is no such order, or it is another
	 * customer's
	 * @throws OrderNotCancellableException when it is already rejected or cancelled
	 */
	@Transactional
	public Order cancel(UUID orderId, Caller caller) {
		Order order = this.orders.findForUpdate(orderId)
			.filter((found) -> caller.sees(found.customerId()))
			.orElseThrow(() -> new UnknownOrderException(orderId));
		this.outbox.publish(order.cancel(this.clock.instant()));
		this.signals.afterCommit(orderId);
		return order;
	}

}
