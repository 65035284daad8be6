package dev.ordersaga.notificationservice.web;

import dev.ordersaga.messaging.security.ApiAccessRules;
import dev.ordersaga.messaging.security.Caller;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call notification-service: customers read their own notifications (the
 * controller narrows what they see), operators everyone's.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

	@Bean
	ApiAccessRules notificationAccess() {
		return (requests) -> requests.requestMatchers("/notifications", "/notifications/**")
			.hasAnyRole(Caller.CUSTOMER, Caller.OPERATOR);
	}

}
