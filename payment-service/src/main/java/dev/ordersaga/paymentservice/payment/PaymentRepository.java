package dev.ordersaga.paymentservice.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import org.hibernate.jpa.HibernateHints;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.orderId = :orderId")
	// not flushed first, so a batch does not dirty-check all it loaded once per event
	// (ADR 0007)
	@QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
	Optional<Payment> findForUpdate(UUID orderId);

	List<Payment> findByOrderIdAndStatusIn(UUID orderId, Collection<PaymentState> states);

	List<Payment> findByCustomerIdAndStatusInOrderByCreatedAt(String customerId, Collection<PaymentState> states);

	List<Payment> findByStatusInOrderByCreatedAt(Collection<PaymentState> states);

}
