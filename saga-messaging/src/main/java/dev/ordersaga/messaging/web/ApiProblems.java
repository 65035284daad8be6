package dev.ordersaga.messaging.web;

import java.util.List;
import java.util.Map;

import dev.ordersaga.messaging.security.ActingForAnotherCustomerException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API error as an RFC 9457 {@code application/problem+json} response. Bad input
 * answers 400 with an {@code errors} list naming each offending field, so a client can
 * tell exactly what to fix. Client errors are answered without logging a stack trace.
 */
@RestControllerAdvice
public class ApiProblems extends ResponseEntityExceptionHandler {

	/** A customer named another customer in a request: 403, and who may act for whom. */
	@ExceptionHandler
	ProblemDetail actingForAnotherCustomer(ActingForAnotherCustomerException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, ex.getMessage());
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.map(ApiProblems::fieldError)
			.toList();
		return badRequest(ex, "Invalid request: " + describe(errors), errors, headers, request);
	}

	/**
	 * Method validation (a constraint on a path variable or request parameter) also
	 * validates a {@code @Valid} body: its field errors are reported by field, the rest
	 * by parameter name.
	 */
	@Override
	protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
			HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = ex.getParameterValidationResults().stream().flatMap((result) -> {
			if (result instanceof ParameterErrors bodyErrors) {
				return bodyErrors.getFieldErrors().stream().map(ApiProblems::fieldError);
			}
			String parameter = String.valueOf(result.getMethodParameter().getParameterName());
			return result.getResolvableErrors()
				.stream()
				.map((error) -> Map.of("field", parameter, "message", String.valueOf(error.getDefaultMessage())));
		}).toList();
		return badRequest(ex, "Invalid request: " + describe(errors), errors, headers, request);
	}

	@Override
	protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		JacksonException json = findJacksonCause(ex);
		if (json == null || json.getPath().isEmpty()) {
			String detail = (json != null) ? "Malformed JSON: " + json.getOriginalMessage()
					: "Request body is missing or unreadable";
			return badRequest(ex, detail, List.of(), headers, request);
		}
		String field = path(json);
		List<Map<String, String>> errors = List.of(Map.of("field", field, "message", json.getOriginalMessage()));
		return badRequest(ex, "Invalid value for '" + field + "'", errors, headers, request);
	}

	private ResponseEntity<Object> badRequest(Exception ex, String detail, List<Map<String, String>> errors,
			HttpHeaders headers, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
		problem.setTitle("Bad Request");
		if (!errors.isEmpty()) {
			problem.setProperty("errors", errors);
		}
		ResponseEntity<Object> response = handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST,
				request);
		return (response != null) ? response : ResponseEntity.badRequest().body(problem);
	}

	private static Map<String, String> fieldError(FieldError error) {
		return Map.of("field", error.getField(), "message", error.getDefaultMessage() + "");
	}

	private static String describe(List<Map<String, String>> errors) {
		return String.join("; ", errors.stream().map((e) -> e.get("field") + " " + e.get("message")).toList());
	}

	private static @Nullable JacksonException findJacksonCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException json) {
				return json;
			}
		}
		return null;
	}

	private static String path(JacksonException json) {
		StringBuilder path = new StringBuilder();
		for (JacksonException.Reference reference : json.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

}
