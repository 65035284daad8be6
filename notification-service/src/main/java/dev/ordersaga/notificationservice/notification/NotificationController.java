package dev.ordersaga.notificationservice.notification;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications by order, by customer, or all of them (for operators and
 * {@code sagactl verify}).
 */
@RestController
@RequestMapping("/notifications")
class NotificationController {

	private final NotificationRepository notifications;

	NotificationController(NotificationRepository notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<NotificationView> find(@RequestParam(required = false) @Nullable UUID orderId,
			@RequestParam(required = false) @Nullable String customerId) {
		if (orderId != null) {
			return this.notifications.findByOrderIdOrderByCreatedAt(orderId)
				.stream()
				.map(NotificationView::of)
				.toList();
		}
		if (customerId != null) {
			return this.notifications.findByCustomerIdOrderByCreatedAt(customerId)
				.stream()
				.map(NotificationView::of)
				.toList();
		}
		return this.notifications.findAllByOrderByCreatedAt().stream().map(NotificationView::of).toList();
	}

}
