package dev.ordersaga.inventoryservice.product;

import java.math.BigDecimal;
import java.util.List;

import dev.ordersaga.messaging.web.Keyset;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.PredicateSpecification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, replacing and reading products. Fails with {@link UnknownProductException}
 * and {@link StockBelowReservedException}.
 */
@Service
class Catalog {

	private final ProductRepository products;

	Catalog(ProductRepository products) {
		this.products = products;
	}

	/** Creates or replaces a product; {@code true} when it was created. */
	@Transactional
	public boolean put(String sku, String name, BigDecimal unitPrice, String currency, int onHand) {
		List<Product> existing = this.products.findAllForUpdate(new String[] { sku });
		if (existing.isEmpty()) {
			this.products.save(new Product(sku, name, unitPrice, currency, onHand));
			return true;
		}
		existing.get(0).replace(name, unitPrice, currency, onHand);
		return false;
	}

	@Transactional(readOnly = true)
	public Product find(String sku) {
		return this.products.findById(sku).orElseThrow(() -> new UnknownProductException(sku));
	}

	/** A page of products by SKU, after the SKU {@code after} when given. */
	@Transactional(readOnly = true)
	public Window<Product> page(int limit, @Nullable String after) {
		return this.products.findBy(PredicateSpecification.unrestricted(),
				(query) -> query.sortBy(Sort.by("sku")).limit(limit).scroll(Keyset.after("sku", after)));
	}

}
