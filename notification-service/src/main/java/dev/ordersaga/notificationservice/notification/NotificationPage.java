package dev.ordersaga.notificationservice.notification;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A page of notifications, oldest first; {@code next} is the {@code after} of the
 * following page.
 */
record NotificationPage(List<NotificationView> notifications, @Nullable UUID next) {
}
