package dev.ordersaga.notificationservice.notification;

/** Where notifications go out to customers: e-mail, SMS, push; here, the log. */
interface NotificationChannel {

	void deliver(Notification notification);

}
