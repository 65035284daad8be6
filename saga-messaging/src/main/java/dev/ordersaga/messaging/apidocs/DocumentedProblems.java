package dev.ordersaga.messaging.apidocs;

import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.util.unit.DataSize;

/**
 * The refusals every operation may answer, and the shape of every error, which the
 * controllers need not repeat: 401 (no valid token) and 403 (a role the path does not
 * allow) everywhere; 400 (malformed JSON) and 413 (too large) wherever a body is sent.
 * Every 4xx and 5xx response, these and those a controller documents, is an RFC 9457
 * problem ({@code application/problem+json}, schema {@value #PROBLEM}). Responses are
 * listed by status code.
 */
final class DocumentedProblems implements OpenApiCustomizer {

	/** The name of the problem detail's schema among the document's components. */
	static final String PROBLEM = "Problem";

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private final DataSize maxRequestBody;

	/**
	 * @param maxRequestBody the largest body the services take
	 * ({@code saga.web.max-request-body})
	 */
	DocumentedProblems(DataSize maxRequestBody) {
		this.maxRequestBody = maxRequestBody;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.components(new Components());
		}
		openApi.getComponents().addSchemas(PROBLEM, problemSchema());
		if (openApi.getPaths() != null) {
			openApi.getPaths()
				.values()
				.stream()
				.map(PathItem::readOperations)
				.forEach((ops) -> ops.forEach(this::document));
		}
	}

	private void document(Operation operation) {
		Map<String, ApiResponse> byStatus = new TreeMap<>();
		if (operation.getResponses() != null) {
			byStatus.putAll(operation.getResponses());
		}
		if (operation.getRequestBody() != null) {
			byStatus.putIfAbsent("400", new ApiResponse().description(
					"The body is not valid: malformed JSON, or fields that break the rules (`errors` names them)"));
			byStatus.putIfAbsent("413", new ApiResponse()
				.description("The body is larger than " + this.maxRequestBody.toKilobytes() + " KiB"));
		}
		byStatus.putIfAbsent("401",
				new ApiResponse().description("No bearer token, or one that is not valid")
					.addHeaderObject("WWW-Authenticate",
							new Header()
								.description("`Bearer`, with `error=\"invalid_token\"` when " + "the token was refused")
								.schema(new StringSchema())));
		byStatus.putIfAbsent("403", new ApiResponse().description("The token's role may not do this"));
		ApiResponses responses = new ApiResponses();
		byStatus.forEach((status, response) -> {
			if (isError(status) && response.get$ref() == null) {
				response.setContent(new Content().addMediaType(PROBLEM_JSON,
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
			}
			responses.addApiResponse(status, response);
		});
		operation.setResponses(responses);
	}

	private static boolean isError(String status) {
		return status.length() == 3 && (status.startsWith("4") || status.startsWith("5"));
	}

	private static Schema<?> problemSchema() {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema().example("items[0].quantity"))
			.addProperty("message", new StringSchema().example("must be less than or equal to 1000"));
		return new ObjectSchema().description("An RFC 9457 problem detail")
			.addProperty("type", new StringSchema().example("about:blank"))
			.addProperty("title", new StringSchema().example("Bad Request"))
			.addProperty("status", new IntegerSchema().example(400))
			.addProperty("detail",
					new StringSchema().example("Invalid request: items[0].quantity must be less than or equal to 1000"))
			.addProperty("instance", new StringSchema().example("/orders"))
			.addProperty("errors", new ArraySchema().items(fieldError)
				.description("400 only: each offending field and what is wrong"));
	}

}
