package dev.ordersaga.inventoryservice.product;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code PUT /products/{sku}}: the product's catalog data and units on hand. */
record ProductRequest(@Schema(example = "Kettle") @NotBlank @Size(max = 200) String name,
		@Schema(example = "12.50") @NotNull @DecimalMin("0.00") @Digits(integer = 17,
				fraction = 2) BigDecimal unitPrice,
		@Schema(example = "EUR") @NotNull @Pattern(regexp = "[A-Z]{3}",
				message = "must be an ISO 4217 code such as EUR") String currency,
		@Schema(example = "100") @NotNull @Min(0) Integer onHand) {
}
