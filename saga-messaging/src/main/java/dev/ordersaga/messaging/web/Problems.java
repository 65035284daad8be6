package dev.ordersaga.messaging.web;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Errors a controller raises; {@link ApiProblems} renders them as problem details. */
public final class Problems {

	private Problems() {
	}

	public static ErrorResponseException notFound(String detail) {
		return of(HttpStatus.NOT_FOUND, detail);
	}

	public static ErrorResponseException conflict(@Nullable String detail) {
		return of(HttpStatus.CONFLICT, detail);
	}

	public static ErrorResponseException unprocessable(String detail) {
		return of(HttpStatus.UNPROCESSABLE_CONTENT, detail);
	}

	public static ErrorResponseException badRequest(String detail) {
		return of(HttpStatus.BAD_REQUEST, detail);
	}

	private static ErrorResponseException of(HttpStatus status, @Nullable String detail) {
		return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
	}

}
