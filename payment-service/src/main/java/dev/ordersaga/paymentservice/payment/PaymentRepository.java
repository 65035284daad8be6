package dev.ordersaga.paymentservice.payment;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;

interface PaymentRepository extends JpaRepository<Payment, UUID>, JpaSpecificationExecutor<Payment> {

	/**
	 * The payments of these orders, locked in order id order, so two batches never
	 * deadlock. One array parameter, planned once (ADR 0007).
	 */
	@NativeQuery("select * from payment where order_id = any(:orderIds) order by order_id for no key update")
	List<Payment> findAllForUpdate(UUID[] orderIds);

}
