package dev.ordersaga.notificationservice.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Delivers notifications by logging them; stands in for a real channel. The customer and
 * the text are personal data: they are logged at DEBUG only, INFO names the notification.
 */
@Component
class LoggingNotificationChannel implements NotificationChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingNotificationChannel.class);

	@Override
	public void deliver(Notification notification) {
		log.info("Delivered {} notification {} for order {}", notification.kind(), notification.id(),
				notification.orderId());
		log.debug("Notification {} to {}: {}", notification.id(), notification.customerId(), notification.message());
	}

}
