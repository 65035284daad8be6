package dev.ordersaga.messaging.web;

import java.util.Map;

import dev.ordersaga.events.Ids;
import dev.ordersaga.messaging.tracing.EventTracing;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Names the order a request is about (its {@code orderId} path variable or parameter) in
 * the log context while the request is handled; placing an order names the new one when
 * it is written ({@link EventTracing#aboutOrder}). Removed when the request completes.
 */
public class OrderInLogContext implements HandlerInterceptor {

	private static final String ORDER_ID = "orderId";

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		@Nullable String orderId = pathVariable(request);
		if (orderId == null) {
			orderId = request.getParameter(ORDER_ID);
		}
		if (orderId != null && Ids.isValid(orderId)) {
			MDC.put(EventTracing.ORDER_ID, orderId);
		}
		return true;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			@Nullable Exception ex) {
		MDC.remove(EventTracing.ORDER_ID);
	}

	private static @Nullable String pathVariable(HttpServletRequest request) {
		if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables
				&& variables.get(ORDER_ID) instanceof String orderId) {
			return orderId;
		}
		return null;
	}

}
