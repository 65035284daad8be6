package dev.ordersaga.orderservice.order;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.UUID;

import dev.ordersaga.messaging.security.Caller;
import dev.ordersaga.messaging.web.Keyset;
import dev.ordersaga.messaging.web.Problems;
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
@RequestMapping("/orders")
class OrderController {

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
	ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrderRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey, Caller caller) {
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
	OrderView get(@PathVariable UUID orderId, @RequestParam(required = false) @Nullable String wait, Caller caller)
			throws InterruptedException {
		if (wait == null) {
			return OrderView.of(this.reading.find(orderId, caller));
		}
		return OrderView.of(this.reading.awaitDecision(orderId, caller, parseWait(wait)));
	}

	@GetMapping
	OrderPage list(@RequestParam(required = false) @Nullable String customerId,
			@RequestParam(required = false) @Nullable OrderStatus status,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Keyset.MAX_LIMIT) int limit,
			@RequestParam(required = false) @Nullable UUID after, Caller caller) {
		return this.reading.page(caller.listing(customerId), status, limit, after);
	}

	@PostMapping("/{orderId}/cancel")
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
