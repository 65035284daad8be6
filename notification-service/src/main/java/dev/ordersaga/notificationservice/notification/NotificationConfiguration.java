package dev.ordersaga.notificationservice.notification;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

	/** When a notification was made; a test can set the time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
