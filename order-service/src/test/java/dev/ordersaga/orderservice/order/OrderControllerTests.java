package dev.ordersaga.orderservice.order;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ordersaga.events.OrderLine;
import dev.ordersaga.messaging.test.TestTokens;
import dev.ordersaga.messaging.test.WebMvcTestSecurity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The order API's contract: status codes, Location, and problem details naming the field.
 * Requests carry an operator's token unless a test sends a customer's; the security
 * filters are the services' own.
 */
@WebMvcTest(OrderController.class)
@Import(WebMvcTestSecurity.class)
class OrderControllerTests {

	private static final String VALID = "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private PlacingOrder placing;

	@MockitoBean
	private ReadingOrders reading;

	@MockitoBean
	private CancellingOrder cancelling;

	/**
	 * Screens nothing: {@link OrderAdmissionFilter} lets every request through to the
	 * controller.
	 */
	@MockitoBean
	private OrderAdmission admission;

	@Test
	void placingAnOrderAnswersCreatedWithItsLocation() throws Exception {
		Order order = order();
		given(this.placing.place(eq("c-1"), anyList(), any())).willReturn(new PlacingOrder.Result(order, true));
		this.mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content(VALID))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/orders/" + order.id()))
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.items[0].sku").value("SKU-1"));
	}

	@Test
	void placingTheSameOrderAgainWithItsKeyAnswersOk() throws Exception {
		given(this.placing.place(eq("c-1"), anyList(), eq("key-1")))
			.willReturn(new PlacingOrder.Result(order(), false));
		this.mvc
			.perform(post("/orders").header("Idempotency-Key", "key-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content(VALID))
			.andExpect(status().isOk());
	}

	@Test
	void reusingAKeyForAnotherOrderIsUnprocessable() throws Exception {
		given(this.placing.place(eq("c-1"), anyList(), eq("key-1")))
			.willThrow(new IdempotencyKeyReusedException(UUID.randomUUID()));
		this.mvc
			.perform(post("/orders").header("Idempotency-Key", "key-1")
				.contentType(MediaType.APPLICATION_JSON)
				.content(VALID))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.status").value(422))
			.andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key was already used")));
	}

	@Test
	void aQuantityOutOfRangeIsABadRequestNamingTheField() throws Exception {
		this.mvc
			.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1001}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("items[0].quantity"));
	}

	@Test
	void anOrderWithoutItemsIsABadRequestNamingTheField() throws Exception {
		this.mvc
			.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerId\":\"c-1\",\"items\":[]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items"));
	}

	@Test
	void aCustomerOrdersForThemselfWithoutNamingAnyone() throws Exception {
		given(this.placing.place(eq("c-1"), anyList(), any())).willReturn(new PlacingOrder.Result(order(), true));
		this.mvc
			.perform(post("/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer("c-1"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}"))
			.andExpect(status().isCreated());
	}

	@Test
	void aCustomerOrderingForAnotherIsForbidden() throws Exception {
		this.mvc
			.perform(post("/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer("c-2"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(VALID))
			.andExpect(status().isForbidden())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Customer 'c-2' may act only for itself, not for 'c-1'"));
		verifyNoInteractions(this.placing);
	}

	@Test
	void anOperatorMustNameTheCustomer() throws Exception {
		this.mvc
			.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("customerId")));
		verifyNoInteractions(this.placing);
	}

	@Test
	void aBlankCustomerIsABadRequestNamingTheField() throws Exception {
		this.mvc
			.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerId\":\" \",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":1}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("customerId"));
	}

	@Test
	void moreThanAHundredLinesIsABadRequest() throws Exception {
		String lines = String.join(",", java.util.Collections.nCopies(101, "{\"sku\":\"SKU-1\",\"quantity\":1}"));
		this.mvc
			.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerId\":\"c-1\",\"items\":[" + lines + "]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items"));
	}

	@Test
	void aWrongTypeIsABadRequestNamingTheField() throws Exception {
		this.mvc
			.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":\"two\"}]}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("items[0].quantity"));
	}

	@Test
	void malformedJsonIsABadRequest() throws Exception {
		this.mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content("{\"customerId\":"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void unknownFieldsAreIgnored() throws Exception {
		given(this.placing.place(eq("c-1"), anyList(), any())).willReturn(new PlacingOrder.Result(order(), true));
		this.mvc
			.perform(post("/orders").contentType(MediaType.APPLICATION_JSON)
				.content("{\"customerId\":\"c-1\",\"coupon\":\"X\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}"))
			.andExpect(status().isCreated());
	}

	@Test
	void anUnknownOrderIsNotFound() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.reading.find(eq(id), any())).willThrow(new UnknownOrderException(id));
		this.mvc.perform(get("/orders/" + id))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Not Found"))
			.andExpect(jsonPath("$.detail").value("No order " + id));
	}

	@Test
	void anOrderIdThatIsNotAUuidIsABadRequest() throws Exception {
		this.mvc.perform(get("/orders/not-a-uuid")).andExpect(status().isBadRequest());
	}

	@Test
	void waitingTakesADuration() throws Exception {
		Order order = order();
		given(this.reading.awaitDecision(eq(order.id()), any(), eq(Duration.ofSeconds(5)))).willReturn(order);
		this.mvc.perform(get("/orders/" + order.id()).param("wait", "5s")).andExpect(status().isOk());
		this.mvc.perform(get("/orders/" + order.id()).param("wait", "soon"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("wait")));
		this.mvc.perform(get("/orders/" + order.id()).param("wait", "5m")).andExpect(status().isBadRequest());
	}

	@Test
	void cancellingAnswersAccepted() throws Exception {
		Order order = order();
		order.cancel(Instant.now());
		given(this.cancelling.cancel(eq(order.id()), any())).willReturn(order);
		this.mvc.perform(post("/orders/" + order.id() + "/cancel"))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("CANCELLED"));
	}

	@Test
	void cancellingADecidedOrderIsAConflict() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.cancelling.cancel(eq(id), any()))
			.willThrow(new OrderNotCancellableException(id, OrderStatus.REJECTED));
		this.mvc.perform(post("/orders/" + id + "/cancel"))
			.andExpect(status().isConflict())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Order " + id + " is REJECTED and can no longer be cancelled"));
	}

	@Test
	void tooManyOrdersInProgressAnswers429WithRetryAfter() throws Exception {
		given(this.placing.place(eq("c-1"), anyList(), any()))
			.willThrow(new OrdersOverloadedException("Too many orders in progress", Duration.ofSeconds(3)));
		this.mvc.perform(post("/orders").contentType(MediaType.APPLICATION_JSON).content(VALID))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "3"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Too many orders in progress"));
	}

	@Test
	void tooManyWaitingRequestsAnswers429WithRetryAfter() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.reading.awaitDecision(eq(id), any(), eq(Duration.ofSeconds(5))))
			.willThrow(new TooManyWaitingRequestsException(2));
		this.mvc.perform(get("/orders/" + id).param("wait", "5s"))
			.andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail")
				.value("Too many requests are waiting for orders (at most 2); ask again later, or without wait"));
	}

	@Test
	void aPageAfterAnUnknownOrderIsABadRequest() throws Exception {
		UUID id = UUID.randomUUID();
		given(this.reading.page(null, null, 20, id)).willThrow(new UnknownPageCursorException(id));
		this.mvc.perform(get("/orders").param("after", id.toString()))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("after: no order " + id));
	}

	@Test
	void listingRejectsALimitOutOfRange() throws Exception {
		this.mvc.perform(get("/orders").param("limit", "0")).andExpect(status().isBadRequest());
	}

	private static Order order() {
		Instant now = Instant.now();
		return Order.place("c-1", List.of(new OrderLine("SKU-1", 2)), now, now.plusSeconds(30), null, null).order();
	}

}
