package dev.ordersaga.notificationservice.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/** Delivers notifications by logging them; stands in for a real channel. */
@Component
class LoggingNotificationChannel implements NotificationChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingNotificationChannel.class);

	@Override
	public void deliver(Notification notification) {
		log.info("To {}: {}", notification.customerId(), notification.message());
	}

}
