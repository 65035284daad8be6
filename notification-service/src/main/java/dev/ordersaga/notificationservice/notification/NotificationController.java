package dev.ordersaga.notificationservice.notification;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.messaging.security.Caller;
import dev.ordersaga.messaging.web.Keyset;
import dev.ordersaga.messaging.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.KeysetScrollPosition;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.PredicateSpecification;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A page of notifications, oldest first: of an order, of a customer, or all of them (for
 * operators and {@code sagactl verify}). A customer sees only their own.
 */
@RestController
@RequestMapping("/notifications")
@Tag(name = "Notifications", description = "One per outcome of an order; a customer's own only")
class NotificationController {

	/** In the order they were sent; the id breaks ties between those of one instant. */
	private static final Sort OLDEST_FIRST = Sort.by("createdAt", "id");

	private final NotificationRepository notifications;

	NotificationController(NotificationRepository notifications) {
		this.notifications = notifications;
	}

	@GetMapping
	@Operation(summary = "Lists notifications, oldest first",
			description = "Of one order, of one customer, or all; "
					+ "a customer sees their own. `after` is a notification's id.")
	@ApiResponse(responseCode = "200", description = "A page of notifications")
	@ApiResponse(responseCode = "400",
			description = "`limit` is not 1 to 100, `after` is no notification, or an id " + "is not a UUID")
	@ApiResponse(responseCode = "403", description = "A customer named another customer, or the token has no role")
	@Transactional(readOnly = true)
	NotificationPage find(@RequestParam(required = false) @Nullable UUID orderId,
			@RequestParam(required = false) @Nullable String customerId, Caller caller,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
			@RequestParam(required = false) @Nullable UUID after) {
		String customer = caller.listing(customerId);
		PredicateSpecification<Notification> matching = PredicateSpecification.unrestricted();
		if (orderId != null) {
			matching = matching.and((notification, criteria) -> criteria.equal(notification.get("orderId"), orderId));
		}
		if (customer != null) {
			matching = matching
				.and((notification, criteria) -> criteria.equal(notification.get("customerId"), customer));
		}
		KeysetScrollPosition position = Keyset.after((after != null) ? keysOf(after) : null);
		Window<Notification> window = this.notifications.findBy(matching,
				(query) -> query.sortBy(OLDEST_FIRST).limit(limit).scroll(position));
		List<NotificationView> page = Keyset.items(window, NotificationView::of);
		return new NotificationPage(page, Keyset.next(window, page, NotificationView::id));
	}

	private Map<String, Object> keysOf(UUID after) {
		Notification cursor = this.notifications.findById(after)
			.orElseThrow(() -> Problems.badRequest("after: no notification " + after));
		return Map.of("createdAt", cursor.createdAt(), "id", cursor.id());
	}

}
