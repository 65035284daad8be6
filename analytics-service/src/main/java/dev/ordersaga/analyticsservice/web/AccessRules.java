package dev.ordersaga.analyticsservice.web;

import dev.ordersaga.messaging.security.ApiAccessRules;
import dev.ordersaga.messaging.security.Caller;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call analytics-service: its figures and the rebuild are for operators only.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

	@Bean
	ApiAccessRules analyticsAccess() {
		return (requests) -> requests.requestMatchers("/analytics", "/analytics/**").hasRole(Caller.OPERATOR);
	}

}
