package dev.ordersaga.orderservice.web;

import dev.ordersaga.messaging.security.ApiAccessRules;
import dev.ordersaga.messaging.security.Caller;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call order-service: customers and operators place, read and cancel orders. A
 * customer sees and cancels only their own; the controller narrows that.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

	@Bean
	ApiAccessRules orderAccess() {
		return (requests) -> requests.requestMatchers("/orders", "/orders/**")
			.hasAnyRole(Caller.CUSTOMER, Caller.OPERATOR);
	}

}
