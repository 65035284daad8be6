package dev.ordersaga.inventoryservice.reservation;

import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.NativeQuery;

interface ReservationRepository extends JpaRepository<Reservation, UUID>, JpaSpecificationExecutor<Reservation> {

	/**
	 * The reservations, locked in order id order, so two batches never deadlock. One
	 * array parameter, planned once (ADR 0007).
	 */
	@NativeQuery("select * from reservation where order_id = any(:orderIds) order by order_id for no key update")
	List<Reservation> findAllForUpdate(UUID[] orderIds);

}
