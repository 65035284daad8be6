package dev.ordersaga.notificationservice.notification;

import java.time.Instant;
import java.util.UUID;

/** A notification as the API shows it. */
record NotificationView(UUID id, UUID orderId, String customerId, NotificationKind kind, String message,
		Instant createdAt) {

	static NotificationView of(Notification notification) {
		return new NotificationView(notification.id(), notification.orderId(), notification.customerId(),
				notification.kind(), notification.message(), notification.createdAt());
	}

}
