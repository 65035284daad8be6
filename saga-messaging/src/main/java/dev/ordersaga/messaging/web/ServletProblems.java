package dev.ordersaga.messaging.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A problem+json answer written by a servlet filter, before any controller runs: the same
 * fields Spring MVC writes for a {@code ProblemDetail}.
 */
public final class ServletProblems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private ServletProblems() {
	}

	/** Sets the status and writes the problem; the caller adds any headers first. */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			@Nullable String detail) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.value());
		if (detail != null) {
			problem.put("detail", detail);
		}
		problem.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

}
