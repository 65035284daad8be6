package dev.ordersaga.messaging.security;

import dev.ordersaga.messaging.web.ServletProblems;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
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

	private ProblemResponses() {
	}

	/** 401: no token, or one that is not valid (signature, expiry, issuer). */
	static AuthenticationEntryPoint unauthenticated() {
		BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
		return (request, response, ex) -> {
			bearer.commence(request, response, ex);
			ServletProblems.write(request, response, HttpStatus.UNAUTHORIZED, detail(request, ex));
		};
	}

	/** 403: a valid token whose role may not do this. */
	static AccessDeniedHandler forbidden() {
		BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
		return (request, response, ex) -> {
			bearer.handle(request, response, ex);
			ServletProblems.write(request, response, HttpStatus.FORBIDDEN, "The token's role may not "
					+ request.getMethod() + " " + request.getRequestURI() + " (roles: customer, operator)");
		};
	}

	private static String detail(HttpServletRequest request, AuthenticationException ex) {
		if (request.getHeader("Authorization") == null) {
			return "A bearer token is required (Authorization: Bearer <token>)";
		}
		return "The bearer token was refused: " + ex.getMessage();
	}

}
