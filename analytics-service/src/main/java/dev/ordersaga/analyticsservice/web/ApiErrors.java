package dev.ordersaga.analyticsservice.web;

import dev.ordersaga.analyticsservice.rebuild.RebuildRefusedException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What each refusal of the analytics use cases means over HTTP, in one place. Bad input
 * the web layer itself rejects is answered by the shared {@code ApiProblems}.
 */
@RestControllerAdvice
class ApiErrors {

	/** The state of the group or of the topics, not the request, stands in the way. */
	@ExceptionHandler
	ProblemDetail rebuildRefused(RebuildRefusedException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
	}

}
