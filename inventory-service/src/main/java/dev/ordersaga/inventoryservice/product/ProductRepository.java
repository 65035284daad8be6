package dev.ordersaga.inventoryservice.product;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;

public interface ProductRepository extends JpaRepository<Product, String>, JpaSpecificationExecutor<Product> {

	/**
	 * The products, locked in sku order: every transaction takes its locks in the same
	 * order, so two orders reserving the same products never deadlock. One array
	 * parameter, planned once (ADR 0007).
	 */
	@NativeQuery("select * from product where sku = any(:skus) order by sku for no key update")
	List<Product> findAllForUpdate(String[] skus);

}
