package dev.ordersaga.inventoryservice.product;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface ProductRepository extends JpaRepository<Product, String> {

	/**
	 * The products, locked in sku order: every transaction takes its locks in the same
	 * order, so two orders reserving the same products never deadlock.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Product p where p.sku in :skus order by p.sku")
	// not flushed first, so a batch does not dirty-check all it loaded once per event
	// (ADR 0007)
	@QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
	List<Product> findAllForUpdate(Collection<String> skus);

	List<Product> findAllByOrderBySku();

}
