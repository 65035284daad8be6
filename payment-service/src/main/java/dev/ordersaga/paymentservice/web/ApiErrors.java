package dev.ordersaga.paymentservice.web;

import dev.ordersaga.paymentservice.account.UnknownAccountException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The payment's domain failures as RFC 9457 problems: the one place that knows which HTTP
 * status each of them means. Malformed requests are answered by the shared
 * {@code ApiProblems}.
 */
@RestControllerAdvice
class ApiErrors {

	@ExceptionHandler
	ProblemDetail unknownAccount(UnknownAccountException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle(HttpStatus.NOT_FOUND.getReasonPhrase());
		return problem;
	}

}
