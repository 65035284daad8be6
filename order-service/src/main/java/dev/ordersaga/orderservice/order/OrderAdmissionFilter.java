package dev.ordersaga.orderservice.order;

import java.io.IOException;

import dev.ordersaga.messaging.web.ServletProblems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code POST /orders} with 429 as soon as the token is checked, when
 * {@link OrderAdmission} would refuse it anyway: before the body is read and validated
 * and before a controller runs. Under overload most requests are refused, and this makes
 * each refusal cheap, so that the CPU goes to the orders accepted. Runs after the
 * security filters: a request without a valid token is still answered 401, whatever the
 * load.
 */
@Component
class OrderAdmissionFilter extends OncePerRequestFilter implements Ordered {

	private final OrderAdmission admission;

	OrderAdmissionFilter(OrderAdmission admission) {
		this.admission = admission;
	}

	/** Right after Spring Security's filters. */
	@Override
	public int getOrder() {
		return SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod()) && OrderController.PATH.equals(request.getServletPath()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.admission.screen(request.getHeader(OrderController.IDEMPOTENCY_KEY) != null);
		}
		catch (OrdersOverloadedException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, ex.retryAfterSeconds());
			ServletProblems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
			return;
		}
		chain.doFilter(request, response);
	}

}
