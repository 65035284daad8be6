package dev.ordersaga.messaging.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Refusals of the security filters, as the APIs answer every error: problem+json. The
 * {@code WWW-Authenticate} header is RFC 6750's, set by Spring Security's bearer-token
 * handlers: {@code Bearer} when the token is missing, with {@code error="invalid_token"}
 * when it is not valid.
 */
final class ProblemResponses {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ProblemResponses() {
	}

	/** 401: no token, or one that is not valid (signature, expiry, issuer). */
	static AuthenticationEntryPoint unauthenticated() {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		return (request, response, ex) -> {
			bearer.commence(request, response, ex);
			write(request, response, HttpStatus.UNAUTHORIZED, detail(request, ex));
		};
	}

	/** 403: a valid token whose role may not do this. */
	static AccessDeniedHandler forbidden() {
		BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
		return (request, response, ex) -> {
			bearer.handle(request, response, ex);
			write(request, response, HttpStatus.FORBIDDEN, "The token's role may not " + request.getMethod() + " "
					+ request.getRequestURI() + " (roles: customer, operator)");
		};
	}

	private static String detail(HttpServletRequest request, AuthenticationException ex) {
		if (request.getHeader("Authorization") == null) {
			return "A bearer token is required (Authorization: Bearer <token>)";
		}
		return "The bearer token was refused: " + ex.getMessage();
	}

	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		problem.put("detail", detail);
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		JSON.writeValue(response.getOutputStream(), problem);
	}

}
