package dev.ordersaga.inventoryservice.web;

import dev.ordersaga.messaging.security.ApiAccessRules;
import dev.ordersaga.messaging.security.Caller;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Who may call inventory-service: customers and operators read the catalog; only
 * operators set products and read reservations.
 */
@Configuration(proxyBeanMethods = false)
class AccessRules {

	@Bean
	ApiAccessRules inventoryAccess() {
		return (requests) -> requests.requestMatchers(HttpMethod.GET, "/products", "/products/**")
			.hasAnyRole(Caller.CUSTOMER, Caller.OPERATOR)
			.requestMatchers("/products/**", "/reservations", "/reservations/**")
			.hasRole(Caller.OPERATOR);
	}

}
