package dev.ordersaga.inventoryservice.reservation;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A page of reservations by order id; {@code next} is the {@code after} of the following
 * page.
 */
record ReservationPage(List<ReservationView> reservations, @Nullable UUID next) {
}
