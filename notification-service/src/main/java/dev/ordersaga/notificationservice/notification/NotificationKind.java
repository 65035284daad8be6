package dev.ordersaga.notificationservice.notification;

/** Which outcome of an order a notification tells. */
enum NotificationKind {

	ORDER_CONFIRMED, ORDER_REJECTED, ORDER_CANCELLED

}
