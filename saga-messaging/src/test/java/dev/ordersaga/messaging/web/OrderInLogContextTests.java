package dev.ordersaga.messaging.web;

import java.util.Map;

import dev.ordersaga.messaging.tracing.EventTracing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class OrderInLogContextTests {

	private final OrderInLogContext interceptor = new OrderInLogContext();

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	@AfterEach
	void clearLogContext() {
		MDC.clear();
	}

	@Test
	void namesTheOrderOfAPathVariableUntilTheRequestCompletes() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/orders/o-1");
		request.setAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE, Map.of("orderId", "o-1"));

		this.interceptor.preHandle(request, this.response, new Object());
		assertThat(MDC.get(EventTracing.ORDER_ID)).isEqualTo("o-1");

		this.interceptor.afterCompletion(request, this.response, new Object(), null);
		assertThat(MDC.get(EventTracing.ORDER_ID)).isNull();
	}

	@Test
	void namesTheOrderOfAParameter() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/payments");
		request.setParameter("orderId", "o-2");

		this.interceptor.preHandle(request, this.response, new Object());

		assertThat(MDC.get(EventTracing.ORDER_ID)).isEqualTo("o-2");
	}

	@Test
	void leavesOutAnOrderIdThatBreaksTheIdRule() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/payments");
		request.setParameter("orderId", "o-3\nforged log line");

		this.interceptor.preHandle(request, this.response, new Object());

		assertThat(MDC.get(EventTracing.ORDER_ID)).isNull();
	}

}
