package dev.ordersaga.paymentservice.payment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PaymentRepository extends JpaRepository<Payment, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select p from Payment p where p.orderId = :orderId")
	Optional<Payment> findForUpdate(UUID orderId);

	List<Payment> findByOrderIdAndStatusIn(UUID orderId, Collection<PaymentState> states);

	List<Payment> findByCustomerIdAndStatusInOrderByCreatedAt(String customerId, Collection<PaymentState> states);

	List<Payment> findByStatusInOrderByCreatedAt(Collection<PaymentState> states);

}
