package dev.ordersaga.notificationservice.notification;

import java.time.Instant;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Schema;

/** A notification as the API shows it. */
record NotificationView(UUID id, @Schema(example = "6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b") UUID orderId,
		@Schema(example = "c-1") String customerId, NotificationKind kind,
		@Schema(example = "Your order 6f1c2a7e-3b4d-4e5f-8a9b-0c1d2e3f4a5b is confirmed: 25.00 EUR charged.") String message,
		Instant createdAt) {

	static NotificationView of(Notification notification) {
		return new NotificationView(notification.id(), notification.orderId(), notification.customerId(),
				notification.kind(), notification.message(), notification.createdAt());
	}

}
