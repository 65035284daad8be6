package dev.ordersaga.events;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The identity of an order; the key of every saga record. */
public record OrderId(UUID value) {

	public OrderId {
		Objects.requireNonNull(value, "orderId");
	}

	public static OrderId random() {
		return new OrderId(UUID.randomUUID());
	}

	@JsonCreator
	public static OrderId of(String value) {
		return new OrderId(UUID.fromString(value));
	}

	@JsonValue
	@Override
	public String toString() {
		return this.value.toString();
	}

}
