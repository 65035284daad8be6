package dev.ordersaga.inventoryservice.product;

import java.util.List;

import dev.ordersaga.events.Ids;
import dev.ordersaga.messaging.web.Keyset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Window;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/products")
@Tag(name = "Products", description = "The catalog: prices and stock. Operators set products; anyone reads them")
class ProductController {

	private final Catalog catalog;

	ProductController(Catalog catalog) {
		this.catalog = catalog;
	}

	@PutMapping("/{sku}")
	@Operation(summary = "Creates or replaces a product",
			description = "Reservations are kept: `onHand` may not "
					+ "drop below the units reserved. Units put in count as `received`.")
	@ApiResponse(responseCode = "201", description = "Created")
	@ApiResponse(responseCode = "200", description = "Replaced")
	@ApiResponse(responseCode = "400", description = "The SKU or the body is not valid")
	@ApiResponse(responseCode = "409", description = "`onHand` is below the units reserved")
	ResponseEntity<ProductView> put(@PathVariable @Pattern(regexp = Ids.PATTERN, message = Ids.RULE) String sku,
			@Valid @RequestBody ProductRequest request) {
		boolean created = this.catalog.put(sku, request.name(), request.unitPrice(), request.currency(),
				request.onHand());
		ProductView view = ProductView.of(this.catalog.find(sku));
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	@GetMapping("/{sku}")
	@Operation(summary = "Reads a product")
	@ApiResponse(responseCode = "200", description = "The product and its stock")
	@ApiResponse(responseCode = "404", description = "No such product")
	ProductView get(@PathVariable String sku) {
		return ProductView.of(this.catalog.find(sku));
	}

	@GetMapping
	@Operation(summary = "Lists products by SKU")
	@ApiResponse(responseCode = "200", description = "A page of products")
	@ApiResponse(responseCode = "400", description = "`limit` is not 1 to 100")
	ProductPage list(@RequestParam(defaultValue = "20") @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
			@RequestParam(required = false) @Nullable String after) {
		Window<Product> window = this.catalog.page(limit, after);
		List<ProductView> products = Keyset.items(window, ProductView::of);
		return new ProductPage(products, Keyset.next(window, products, ProductView::sku));
	}

}
