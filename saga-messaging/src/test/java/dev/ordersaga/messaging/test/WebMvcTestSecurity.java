package dev.ordersaga.messaging.test;

import dev.ordersaga.messaging.security.SagaSecurityAutoConfiguration;
import dev.ordersaga.messaging.web.ApiProblems;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.MockMvcBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * For a {@code @WebMvcTest} of a controller: the services' security filters and problem
 * responses, trusting {@link TestTokens}, with an operator's token on every request that
 * sends no {@code Authorization} of its own. Which role may reach which path is left to
 * each service's access-rules test; here any valid token may.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ ApiProblems.class, SagaSecurityAutoConfiguration.class })
public class WebMvcTestSecurity {

	@Bean
	JwtDecoder testTokenDecoder() {
		return TestTokens.decoder();
	}

	@Bean
	MockMvcBuilderCustomizer operatorTokenByDefault() {
		return (builder) -> builder
			.defaultRequest(get("/").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.operator()));
	}

}
