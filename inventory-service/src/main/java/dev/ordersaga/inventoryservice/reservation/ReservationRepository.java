package dev.ordersaga.inventoryservice.reservation;

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

interface ReservationRepository extends JpaRepository<Reservation, UUID> {

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from Reservation r where r.orderId = :orderId")
	// not flushed first, so a batch does not dirty-check all it loaded once per event
	// (ADR 0007)
	@QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
	Optional<Reservation> findForUpdate(UUID orderId);

	/** The skus that reservations of these orders hold (or held). */
	@Query("select distinct l.sku from Reservation r join r.lines l where r.orderId in :orderIds")
	List<String> skusHeldFor(Collection<UUID> orderIds);

}
