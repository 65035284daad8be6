package dev.ordersaga.orderservice.order;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dev.ordersaga.messaging.security.Caller;
import dev.ordersaga.messaging.web.Keyset;
import dev.ordersaga.messaging.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.convert.DurationStyle;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(OrderController.PATH)
@Tag(name = "Orders", description = "Placing, reading and cancelling orders; a customer's own only")
class OrderController {

	/** Where orders are placed ({@code POST}) and read. */
	static final String PATH = "/orders";

	/** The header that makes placing an order safe to repeat. */
	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

	private final PlacingOrder placing;

	private final ReadingOrders reading;

	private final CancellingOrder cancelling;

	OrderController(PlacingOrder placing, ReadingOrders reading, CancellingOrder cancelling) {
		this.placing = placing;
		this.reading = reading;
		this.cancelling = cancelling;
	}

	@PostMapping
	@Operation(summary = "Places an order",
			description = "Inventory prices it; clients never send prices. A customer may leave `customerId` out "
					+ "(the token names them); an operator must name one. The order is PENDING until the saga "
					+ "decides. With an `Idempotency-Key` (1 to 200 characters, the customer's own), the same key "
					+ "and body again answer the first order instead of placing another.",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(examples = {
					@ExampleObject(name = "customer", summary = "A customer orders for themself",
							value = "{\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}"),
					@ExampleObject(name = "operator", summary = "An operator orders for a customer",
							value = "{\"customerId\":\"c-1\",\"items\":[{\"sku\":\"SKU-1\",\"quantity\":2}]}") })))
	@ApiResponse(responseCode = "201", description = "Placed, PENDING",
			headers = @Header(name = "Location", description = "/orders/{orderId}", schema = @Schema(type = "string")))
	@ApiResponse(responseCode = "200",
			description = "Placed before with the same Idempotency-Key and body: that order, nothing placed")
	@ApiResponse(responseCode = "400",
			description = "The body is not valid, an operator named no customer, or the Idempotency-Key is too long")
	@ApiResponse(responseCode = "403", description = "A customer named another customer, or the token has no role")
	@ApiResponse(responseCode = "422", description = "The Idempotency-Key was used before with another body")
	@ApiResponse(responseCode = "429",
			description = "Too many orders are undecided, or being placed at once: nothing placed, try again later",
			headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")))
	ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request,
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) @Nullable String idempotencyKey, Caller caller) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
			throw Problems.badRequest("Idempotency-Key must be 1 to 200 characters");
		}
		if (caller.operator() && request.customerId() == null) {
			throw Problems.badRequest("customerId: an operator places an order for a customer it names");
		}
		String customerId = caller.actingFor(request.customerId());
		PlacingOrder.Result result = this.placing.place(customerId, request.lines(), idempotencyKey);
		OrderView view = OrderView.of(result.order());
		if (!result.created()) {
			return ResponseEntity.ok(view);
		}
		return ResponseEntity.created(URI.create("/orders/" + view.orderId())).body(view);
	}

	@GetMapping("/{orderId}")
	@Operation(summary = "Reads an order",
			description = "With `wait` (a duration such as `5s`, at most `30s`), answers as soon as the order is "
					+ "CONFIRMED, REJECTED or CANCELLED, or when the time is up, whichever comes first.")
	@ApiResponse(responseCode = "200", description = "The order")
	@ApiResponse(responseCode = "400", description = "`wait` is not a duration of 0s to 30s, or the id is not a UUID")
	@ApiResponse(responseCode = "404", description = "No such order, or another customer's")
	@ApiResponse(responseCode = "429", description = "Too many requests wait already: try again in a second",
			headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(type = "integer")))
	OrderView get(@PathVariable UUID orderId, @RequestParam(required = false) @Nullable String wait, Caller caller)
			throws InterruptedException {
		if (wait == null) {
			return OrderView.of(this.reading.find(orderId, caller));
		}
		return OrderView.of(this.reading.awaitDecision(orderId, caller, parseWait(wait)));
	}

	@GetMapping
	@Operation(summary = "Lists orders, newest first",
			description = "A customer sees their own; an operator everyone's, or one customer's with `customerId`.")
	@ApiResponse(responseCode = "200", description = "A page of orders")
	@ApiResponse(responseCode = "400", description = "`limit` is not 1 to 100, or `after` is not an order of the list")
	@ApiResponse(responseCode = "403", description = "A customer named another customer, or the token has no role")
	OrderPage list(@RequestParam(required = false) @Nullable String customerId,
			@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
			@RequestParam(required = false) @Nullable UUID after, Caller caller) {
		return this.reading.page(caller.listing(customerId), status, limit, after);
	}

	@PostMapping("/{orderId}/cancel")
	@Operation(summary = "Cancels an order",
			description = "A PENDING, RESERVED or CONFIRMED order; its stock is released and its charge refunded.")
	@ApiResponse(responseCode = "202", description = "CANCELLED; the compensation follows")
	@ApiResponse(responseCode = "400", description = "The id is not a UUID")
	@ApiResponse(responseCode = "404", description = "No such order, or another customer's")
	@ApiResponse(responseCode = "409", description = "Already REJECTED or CANCELLED")
	ResponseEntity<OrderView> cancel(@PathVariable UUID orderId, Caller caller) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(OrderView.of(this.cancelling.cancel(orderId, caller)));
	}

	private static Duration parseWait(String wait) {
		Duration duration;
		try {
			duration = DurationStyle.detectAndParse(wait);
		}
		catch (IllegalArgumentException | DateTimeParseException ex) {
			throw Problems.badRequest("wait: '" + wait + "' is not a duration such as 5s or 500ms");
		}
		if (duration.isNegative() || duration.compareTo(LONGEST_WAIT) > 0) {
			throw Problems.badRequest("wait: must be between 0s and " + LONGEST_WAIT.toSeconds() + "s");
		}
		return duration;
	}

}
