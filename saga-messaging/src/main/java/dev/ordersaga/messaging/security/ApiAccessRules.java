package dev.ordersaga.messaging.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * Which role may reach which of a service's paths, declared by each service as a bean.
 * Paths it does not name need a valid token of any role; whose records a customer then
 * sees is the controllers' business ({@link Caller}). The API documentation declares its
 * paths open to anyone the same way, once for every service.
 */
@FunctionalInterface
public interface ApiAccessRules {

	void declare(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests);

}
