package dev.ordersaga.inventoryservice.reservation;

import java.util.List;
import java.util.UUID;

import dev.ordersaga.messaging.web.Keyset;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.PredicateSpecification;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reservations by order, or a page of all of them by order id (for operators and
 * {@code sagactl verify}).
 */
@RestController
@RequestMapping("/reservations")
@Tag(name = "Reservations", description = "Each order's stock reservation, for operators")
class ReservationController {

	private final ReservationRepository reservations;

	ReservationController(ReservationRepository reservations) {
		this.reservations = reservations;
	}

	@GetMapping
	@Operation(summary = "Lists reservations by order id", description = "All of them, or the one of `orderId`.")
	@ApiResponse(responseCode = "200", description = "A page of reservations")
	@ApiResponse(responseCode = "400", description = "`limit` is not 1 to 100, or an id is not a UUID")
	@Transactional(readOnly = true)
	ReservationPage find(@RequestParam(required = false) @Nullable UUID orderId,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
			@RequestParam(required = false) @Nullable UUID after) {
		PredicateSpecification<Reservation> matching = (orderId != null)
				? (reservation, criteria) -> criteria.equal(reservation.get("orderId"), orderId)
				: PredicateSpecification.unrestricted();
		Window<Reservation> window = this.reservations.findBy(matching,
				(query) -> query.sortBy(Sort.by("orderId")).limit(limit).scroll(Keyset.after("orderId", after)));
		List<ReservationView> page = Keyset.items(window, ReservationView::of);
		return new ReservationPage(page, Keyset.next(window, page, ReservationView::orderId));
	}

}
