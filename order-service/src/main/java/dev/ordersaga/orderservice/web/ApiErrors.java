package dev.ordersaga.orderservice.web;

import dev.ordersaga.orderservice.order.IdempotencyKeyReusedException;
import dev.ordersaga.orderservice.order.OrderNotCancellableException;
import dev.ordersaga.orderservice.order.OrdersOverloadedException;
import dev.ordersaga.orderservice.order.TooManyWaitingRequestsException;
import dev.ordersaga.orderservice.order.UnknownOrderException;
import dev.ordersaga.orderservice.order.UnknownPageCursorException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What each refusal of the order use cases means over HTTP, in one place: the use cases
 * speak of orders, this class of status codes. Bad input the web layer itself rejects is
 * answered by the shared {@code ApiProblems}.
 */
@RestControllerAdvice
class ApiErrors {

	@ExceptionHandler
	ProblemDetail unknownOrder(UnknownOrderException ex) {
		return problem(HttpStatus.NOT_FOUND, ex);
	}

	@ExceptionHandler
	ProblemDetail unknownPageCursor(UnknownPageCursorException ex) {
		return problem(HttpStatus.BAD_REQUEST, ex);
	}

	@ExceptionHandler
	ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException ex) {
		return problem(HttpStatus.UNPROCESSABLE_CONTENT, ex);
	}

	@ExceptionHandler
	ProblemDetail notCancellable(OrderNotCancellableException ex) {
		return problem(HttpStatus.CONFLICT, ex);
	}

	/** Overload is refused at the door: 429 with a hint when to come back. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> overloaded(OrdersOverloadedException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, ex.retryAfterSeconds())
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, ex));
	}

	/** Too many requests wait for orders: 429, come back in a second. */
	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooManyWaiting(TooManyWaitingRequestsException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, ex));
	}

	private static ProblemDetail problem(HttpStatus status, RuntimeException ex) {
		return ProblemDetail.forStatusAndDetail(status, ex.getMessage());
	}

}
