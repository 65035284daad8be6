package dev.ordersaga.notificationservice.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.messaging.web.ApiProblems;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The notification API's contract: what a notification shows, and what a query needs. */
@WebMvcTest(NotificationController.class)
@Import(ApiProblems.class)
class NotificationControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private NotificationRepository notifications;

	@Test
	void findsTheNotificationsOfAnOrder() throws Exception {
		UUID orderId = UUID.randomUUID();
		given(this.notifications.findByOrderIdOrderByCreatedAt(orderId))
			.willReturn(List.of(new Notification(orderId, "c-1", NotificationKind.ORDER_REJECTED,
					"Your order could not be completed (OUT_OF_STOCK).", Instant.parse("2026-11-22T10:00:00Z"))));
		this.mvc.perform(get("/notifications").param("orderId", orderId.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].orderId").value(orderId.toString()))
			.andExpect(jsonPath("$[0].customerId").value("c-1"))
			.andExpect(jsonPath("$[0].kind").value("ORDER_REJECTED"))
			.andExpect(jsonPath("$[0].message").value("Your order could not be completed (OUT_OF_STOCK)."))
			.andExpect(jsonPath("$[0].createdAt").value("2026-11-22T10:00:00Z"));
	}

	@Test
	void findsTheNotificationsOfACustomer() throws Exception {
		UUID orderId = UUID.randomUUID();
		given(this.notifications.findByCustomerIdOrderByCreatedAt("c-1"))
			.willReturn(List.of(new Notification(orderId, "c-1", NotificationKind.ORDER_CONFIRMED,
					"Your order is confirmed.", Instant.parse("2026-11-22T10:00:00Z"))));
		this.mvc.perform(get("/notifications").param("customerId", "c-1"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].orderId").value(orderId.toString()))
			.andExpect(jsonPath("$[0].kind").value("ORDER_CONFIRMED"));
	}

	@Test
	void askingWithoutAnOrderOrACustomerListsEveryNotification() throws Exception {
		given(this.notifications.findAllByOrderByCreatedAt())
			.willReturn(List.of(notification("c-1"), notification("c-2")));
		this.mvc.perform(get("/notifications"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(jsonPath("$[1].customerId").value("c-2"));
	}

	@Test
	void anOrderIdThatIsNotAUuidIsABadRequest() throws Exception {
		this.mvc.perform(get("/notifications").param("orderId", "not-a-uuid"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private static Notification notification(String customerId) {
		return new Notification(UUID.randomUUID(), customerId, NotificationKind.ORDER_CONFIRMED, "Confirmed.",
				Instant.parse("2026-11-22T10:00:00Z"));
	}

}
