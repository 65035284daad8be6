package dev.ordersaga.inventoryservice.product;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/products")
class ProductController {

	private final Catalog catalog;

	ProductController(Catalog catalog) {
		this.catalog = catalog;
	}

	@PutMapping("/{sku}")
	ResponseEntity<ProductView> put(
			@PathVariable @Pattern(regexp = "[A-Za-z0-9._-]{1,100}",
					message = "must be 1 to 100 letters, digits, '.', '_' or '-'") String sku,
			@Valid @RequestBody ProductRequest request) {
		boolean created = this.catalog.put(sku, request.name(), request.unitPrice(), request.currency(),
				request.onHand());
		ProductView view = ProductView.of(this.catalog.find(sku));
		return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK).body(view);
	}

	@GetMapping("/{sku}")
	ProductView get(@PathVariable String sku) {
		return ProductView.of(this.catalog.find(sku));
	}

	@GetMapping
	List<ProductView> all() {
		return this.catalog.all().stream().map(ProductView::of).toList();
	}

}
