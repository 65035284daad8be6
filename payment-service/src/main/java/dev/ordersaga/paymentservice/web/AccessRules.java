package dev.ordersaga.paymentservice.web;

import dev.ordersaga.messaging.security.ApiAccessRules;
import dev.ordersaga.messaging.security.Caller;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call payment-service: a customer reads their own account and payments (the
 * controllers narrow what they see); only operators set accounts and list all of them.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

	@Bean
	ApiAccessRules paymentAccess() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/accounts/*", "/payments")
			.hasAnyRole(Caller.CUSTOMER, Caller.OPERATOR)
			.requestMatchers("/accounts", "/accounts/**", "/payments/**")
			.hasRole(Caller.OPERATOR);
	}

}
