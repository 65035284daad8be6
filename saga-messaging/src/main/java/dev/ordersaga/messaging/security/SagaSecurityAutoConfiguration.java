package dev.ordersaga.messaging.security;

import java.time.Clock;
import java.util.List;

import dev.ordersaga.messaging.SagaProperties;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Every service is an OAuth2 resource server: a request carries a bearer token (a JWT)
 * that Spring Security verifies with the key or issuer configured under
 * {@code spring.security.oauth2.resourceserver.jwt.*}, once per token while it is
 * remembered ({@link VerifiedTokens}). Without a token the API answers 401 with
 * {@code WWW-Authenticate}; with a role the path does not allow, 403; both as
 * problem+json. On the management port, health, info and prometheus are open (the port is
 * bound to the loopback interface) and the rest (faults) is for operators.
 */
@AutoConfiguration(before = { ServletWebSecurityAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class,
		OAuth2ResourceServerWebSecurityAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(SagaProperties.class)
public class SagaSecurityAutoConfiguration {

	@Bean
	SecurityFilterChain sagaApiSecurity(HttpSecurity http, ObjectProvider<JwtDecoder> decoders,
			List<ApiAccessRules> rules, SagaProperties properties, ObjectProvider<Clock> clocks) {
		JwtDecoder configured = decoders.getIfAvailable();
		if (configured == null) {
			throw new IllegalStateException("No way to verify bearer tokens is configured: set "
					+ "spring.security.oauth2.resourceserver.jwt.issuer-uri (an OIDC issuer) or "
					+ "spring.security.oauth2.resourceserver.jwt.public-key-location (./stack up uses "
					+ "file:var/keys/token-verification.pem)");
		}
		JwtDecoder decoder = VerifiedTokens.remembering(configured, properties.security().tokenCache(),
				clocks.getIfAvailable(Clock::systemUTC));
		TokenRoles roles = new TokenRoles(properties.security().rolesClaim(), properties.security().customerClaim());
		http.csrf((csrf) -> csrf.disable())
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache((cache) -> cache.disable())
			.authorizeHttpRequests((requests) -> {
				requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll();
				requests.requestMatchers(EndpointRequest.to("health", "info", "prometheus")).permitAll();
				requests.requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(Caller.OPERATOR);
				rules.forEach((rule) -> rule.declare(requests));
				requests.anyRequest().authenticated();
			})
			.oauth2ResourceServer(
					(server) -> server.jwt((jwt) -> jwt.decoder(decoder).jwtAuthenticationConverter(roles))
						.authenticationEntryPoint(ProblemResponses.unauthenticated())
						.accessDeniedHandler(ProblemResponses.forbidden()))
			.exceptionHandling((refusals) -> refusals.authenticationEntryPoint(ProblemResponses.unauthenticated())
				.accessDeniedHandler(ProblemResponses.forbidden()));
		return http.build();
	}

	/**
	 * No observation (a timer and a span each) of every security filter, authentication
	 * and authorization: the request's own observation ({@code http.server.requests})
	 * times and traces it already, and these cost each request more CPU than the token's
	 * signature check (docs/benchmarks.md, "Session 10").
	 */
	@Bean
	@ConditionalOnMissingBean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Controllers take the request's {@link Caller} as a parameter. */
	@Bean
	WebMvcConfigurer callerParameters() {
		return new WebMvcConfigurer() {
			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(new CallerArgumentResolver());
			}
		};
	}

}
