package dev.ordersaga.notificationservice.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.messaging.test.WebMvcTestSecurity;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.ScrollPosition;
import org.springframework.data.domain.Window;
import org.springframework.data.jpa.domain.PredicateSpecification;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The notification API's contract: what a notification shows, and what a query needs. */
@WebMvcTest(NotificationController.class)
@Import(WebMvcTestSecurity.class)
class NotificationControllerTests {

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private NotificationRepository notifications;

	@Test
	void aPageShowsEachNotificationAndTheCursorOfTheNext() throws Exception {
		UUID orderId = UUID.randomUUID();
		Notification rejected = new Notification(orderId, "c-1", NotificationKind.ORDER_REJECTED,
				"Your order could not be completed (OUT_OF_STOCK).", Instant.parse("2026-11-22T10:00:00Z"));
		given(this.notifications.findBy(ArgumentMatchers.<PredicateSpecification<Notification>>any(), any()))
			.willReturn(Window.from(List.of(rejected), (index) -> ScrollPosition.keyset(), true));
		this.mvc.perform(get("/notifications").param("orderId", orderId.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notifications[0].orderId").value(orderId.toString()))
			.andExpect(jsonPath("$.notifications[0].customerId").value("c-1"))
			.andExpect(jsonPath("$.notifications[0].kind").value("ORDER_REJECTED"))
			.andExpect(
					jsonPath("$.notifications[0].message").value("Your order could not be completed (OUT_OF_STOCK)."))
			.andExpect(jsonPath("$.notifications[0].createdAt").value("2026-11-22T10:00:00Z"))
			.andExpect(jsonPath("$.next").value(rejected.id().toString()));
	}

	@Test
	void theLastPageHasNoNext() throws Exception {
		given(this.notifications.findBy(ArgumentMatchers.<PredicateSpecification<Notification>>any(), any()))
			.willReturn(Window.from(List.of(notification("c-1")), (index) -> ScrollPosition.keyset(), false));
		this.mvc.perform(get("/notifications"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.notifications.length()").value(1))
			.andExpect(jsonPath("$.next").value(nullValue()));
	}

	@Test
	void aCursorThatIsNoNotificationIsABadRequest() throws Exception {
		UUID unknown = UUID.randomUUID();
		this.mvc.perform(get("/notifications").param("after", unknown.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("after: no notification " + unknown));
	}

	@Test
	void aLimitPastAHundredIsABadRequest() throws Exception {
		this.mvc.perform(get("/notifications").param("limit", "101")).andExpect(status().isBadRequest());
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
