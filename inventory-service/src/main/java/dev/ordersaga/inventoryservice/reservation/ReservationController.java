package dev.ordersaga.inventoryservice.reservation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Reservations by order, or all of them (for operators and {@code sagactl verify}). */
@RestController
@RequestMapping("/reservations")
class ReservationController {

	private final ReservationRepository reservations;

	ReservationController(ReservationRepository reservations) {
		this.reservations = reservations;
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<ReservationView> find(@RequestParam(required = false) @Nullable UUID orderId) {
		List<Reservation> found = (orderId != null) ? this.reservations.findById(orderId).stream().toList()
				: this.reservations.findAll(Sort.by("createdAt"));
		return found.stream().map(ReservationView::of).toList();
	}

}
