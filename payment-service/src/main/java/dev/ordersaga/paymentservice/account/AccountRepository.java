package dev.ordersaga.paymentservice.account;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.NativeQuery;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, String>, JpaSpecificationExecutor<Account> {

	/**
	 * The account, locked until the transaction ends, so two charges never overdraw it.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.customerId = :customerId")
	Optional<Account> findForUpdate(String customerId);

	/**
	 * The accounts, locked in customer order, so two batches never deadlock. One array
	 * parameter, planned once (ADR 0007).
	 */
	@NativeQuery("select * from account where customer_id = any(:customerIds) order by customer_id for no key update")
	List<Account> findAllForUpdate(String[] customerIds);

}
