package dev.ordersaga.inventoryservice.product;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ProductRepository extends JpaRepository<Product, String>, JpaSpecificationExecutor<Product> {

	/**
	 * The products, locked in sku order: every transaction takes its locks in the same
	 * order, so two orders reserving the same products never deadlock.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Product p where p.sku in :skus order by p.sku")
	List<Product> findAllForUpdate(Collection<String> skus);

}
