package dev.ordersaga.orderservice.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface OrderRepository extends JpaRepository<Order, UUID>, JpaSpecificationExecutor<Order> {

	/**
	 * The order, locked until the transaction ends, so saga steps on one order run one at
	 * a time.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select o from Order o where o.id = :id")
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
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
	@Query("select o from Order o where o.status in ('PENDING', 'RESERVED') and o.deadlineAt < :now order by o.deadlineAt")
	List<Order> findOverdueForUpdate(Instant now, Limit limit);

}
