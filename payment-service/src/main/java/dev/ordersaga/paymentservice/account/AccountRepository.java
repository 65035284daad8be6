package dev.ordersaga.paymentservice.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;

public interface AccountRepository extends JpaRepository<Account, String>, JpaSpecificationExecutor<Account> {

	/**
	 * The account, locked until the transaction ends, so two charges never overdraw it.
	 */
	@NativeQuery("select * from account where customer_id = :customerId for no key update")
	Optional<Account> findForUpdate(String customerId);

	/**
	 * The accounts, locked in customer order, so two batches never deadlock. One array
	 * parameter, planned once (ADR 0007).
	 */
	@NativeQuery("select * from account where customer_id = any(:customerIds) order by customer_id for no key update")
	List<Account> findAllForUpdate(String[] customerIds);

}
