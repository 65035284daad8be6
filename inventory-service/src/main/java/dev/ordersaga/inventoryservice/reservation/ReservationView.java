package dev.ordersaga.inventoryservice.reservation;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.RejectionReason;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A reservation as the API shows it. */
record ReservationView(UUID orderId, String customerId, ReservationStatus status, @Nullable RejectionReason reason,
		List<Line> lines) {

	@Schema(name = "ReservationLine")
	record Line(@Schema(example = "SKU-1") String sku, @Schema(example = "2") int quantity,
			@Schema(example = "12.50") BigDecimal unitPrice) {
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
