package dev.ordersaga.orderservice.order;

import java.util.List;

import dev.ordersaga.events.Ids;
import dev.ordersaga.events.OrderLine;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /orders}: who orders what. Prices are never sent; inventory sets them. A
 * customer's token names the customer, so {@code customerId} may be left out (and must be
 * theirs if given); an operator names the customer it orders for.
 */
record PlaceOrderRequest(
		@Schema(description = "Whose order: an operator names the customer; a customer may leave it out",
				example = "c-1") @Nullable @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String customerId,
		@NotEmpty @Size(max = 100) List<@Valid @NotNull Item> items) {

	@Schema(name = "PlaceOrderItem")
	record Item(@Schema(example = "SKU-1") @NotBlank @Size(max = 100) String sku,
			@Schema(example = "2") @NotNull @Min(1) @Max(1000) Integer quantity) {
	}

	List<OrderLine> lines() {
		return this.items.stream().map((item) -> new OrderLine(item.sku(), item.quantity())).toList();
	}

}
