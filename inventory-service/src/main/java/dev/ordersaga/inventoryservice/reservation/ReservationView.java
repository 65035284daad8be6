package dev.ordersaga.inventoryservice.reservation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.RejectionReason;
import org.jspecify.annotations.Nullable;

/** A reservation as the API shows it. */
record ReservationView(UUID orderId, String customerId, ReservationStatus status, @Nullable RejectionReason reason,
		List<Line> lines) {

	record Line(String sku, int quantity, BigDecimal unitPrice) {
	}

	static ReservationView of(Reservation reservation) {
		return new ReservationView(reservation.orderId().value(), reservation.customerId(), reservation.status(),
				reservation.reason(),
				reservation.pricedLines()
					.stream()
					.map((line) -> new Line(line.sku(), line.quantity(), line.unitPrice()))
					.toList());
	}

}
