package dev.ordersaga.orderservice.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;

interface OrderRepository extends JpaRepository<Order, UUID>, JpaSpecificationExecutor<Order> {

	/**
	 * The order, locked until the transaction ends, so saga steps on one order run one at
	 * a time.
	 */
	@NativeQuery("select * from orders where id = :id for no key update")
	Optional<Order> findForUpdate(UUID id);

	/**
	 * The orders, locked in id order, so two batches never deadlock. One array parameter,
	 * planned once (ADR 0007).
	 */
	@NativeQuery("select * from orders where id = any(:ids) order by id for no key update")
	List<Order> findAllForUpdate(UUID[] ids);

	/** The customer's order placed with the key: keys are the customer's own. */
	Optional<Order> findByCustomerIdAndIdempotencyKey(String customerId, String idempotencyKey);

	/**
	 * Which of the orders are decided: CONFIRMED, REJECTED or CANCELLED. One array
	 * parameter, planned once, like the locking reads (ADR 0007).
	 */
	@NativeQuery("select id from orders where id = any(:ids) and status not in ('PENDING', 'RESERVED')")
	List<UUID> findDecided(UUID[] ids);

	/** Open orders past their deadline; rows another instance is sweeping are skipped. */
	@NativeQuery("""
			select * from orders where status in ('PENDING', 'RESERVED') and deadline_at < :now
			order by deadline_at limit :limit for no key update skip locked""")
	List<Order> findOverdueForUpdate(Instant now, int limit);

}
