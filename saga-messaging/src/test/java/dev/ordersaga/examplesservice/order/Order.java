package dev.ordersaga.examplesservice.order;

import dev.ordersaga.events.OrderId;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** Keeps the rule: the JDK, JPA, the published events and its own service. */
@Entity
public class Order {

	@Id
	private String id = OrderId.random().toString();

	private OrderStatus status = OrderStatus.PENDING;

	public OrderStatus confirm() {
		this.status = OrderStatus.CONFIRMED;
		return this.status;
	}

	public String id() {
		return this.id;
	}

}
