package dev.ordersaga.inventoryservice.web;

import dev.ordersaga.inventoryservice.product.StockBelowReservedException;
import dev.ordersaga.inventoryservice.product.UnknownProductException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The inventory's domain failures as RFC 9457 problems: the one place that knows which
 * HTTP status each of them means. Malformed requests are answered by the shared
 * {@code ApiProblems}.
 */
@RestControllerAdvice
class ApiErrors {

	@ExceptionHandler
	ProblemDetail unknownProduct(UnknownProductException ex) {
		return problem(HttpStatus.NOT_FOUND, ex);
	}

	@ExceptionHandler
	ProblemDetail stockBelowReserved(StockBelowReservedException ex) {
		return problem(HttpStatus.CONFLICT, ex);
	}

	private static ProblemDetail problem(HttpStatus status, RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, ex.getMessage());
		problem.setTitle(status.getReasonPhrase());
		return problem;
	}

}
