package dev.ordersaga.orderservice.order;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.jspecify.annotations.Nullable;

/** Stores an {@link OrderReason} as its name, the text the column always held. */
@Converter
class OrderReasonColumn implements AttributeConverter<OrderReason, String> {

	@Override
	public @Nullable String convertToDatabaseColumn(@Nullable OrderReason reason) {
		return (reason != null) ? reason.name() : null;
	}

	@Override
	public @Nullable OrderReason convertToEntityAttribute(@Nullable String name) {
		return (name != null) ? OrderReason.named(name) : null;
	}

}
