package dev.ordersaga.orderservice.order;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import org.jspecify.annotations.Nullable;

/** One entry of an order's history: the status it moved to, why, and when. */
@Embeddable
class StatusChange {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false)
	private OrderStatus status;

	@Convert(converter = OrderReasonColumn.class)
	private @Nullable OrderReason reason;

	@Column(nullable = false)
	private Instant at;

	protected StatusChange() {
		this.status = OrderStatus.PENDING;
		this.at = Instant.EPOCH;
	}

	StatusChange(OrderStatus status, @Nullable OrderReason reason, Instant at) {
		this.status = status;
		this.reason = reason;
		this.at = at;
	}

	public OrderStatus status() {
		return this.status;
	}

	public @Nullable OrderReason reason() {
		return this.reason;
	}

	public Instant at() {
		return this.at;
	}

}
