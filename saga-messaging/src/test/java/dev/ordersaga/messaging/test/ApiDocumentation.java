package dev.ordersaga.messaging.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps a service's OpenAPI document true to its code. Read without a token, as anyone
 * may, the document at {@code /v3/api-docs} must be OpenAPI 3, require the bearer token
 * ({@code bearerAuth}) of every operation, and list exactly the operations the service
 * maps (method and path, both ways: none missing, none left over), each with a summary, a
 * success response, and its errors as problem+json. The Swagger UI must answer without a
 * token too. The operations mapped are Spring MVC's own list of the service's handler
 * methods, less springdoc's and the error page, so a new endpoint cannot go undocumented.
 */
public final class ApiDocumentation {

	/** springdoc's own operations serve the documentation, not the API. */
	private static final String SPRINGDOC = "org.springdoc.";

	private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
			"trace");

	private final HttpJson anonymous;

	private final Set<String> mapped;

	/**
	 * @param api the service's API (its token, if any, is not sent)
	 * @param context the service's application context, whose request mappings the
	 * document must list
	 */
	public ApiDocumentation(HttpJson api, ApplicationContext context) {
		this.anonymous = api.anonymous();
		this.mapped = operationsMappedIn(context);
	}

	public void check() {
		HttpJson.Response document = this.anonymous.get("/v3/api-docs");
		assertThat(document.status()).as(document.call() + " without a token: " + document.body()).isEqualTo(200);
		assertThat(this.mapped).as("the operations the service maps").isNotEmpty();
		assertThat(defects(document.body(), this.mapped)).as("what is wrong with " + document.call()).isEmpty();

		HttpJson.Response config = this.anonymous.get("/v3/api-docs/swagger-config");
		assertThat(config.status()).as(config.call() + " without a token").isEqualTo(200);
		assertThat(config.body().path("url").asString("")).as("the document the Swagger UI shows")
			.isEqualTo("/v3/api-docs");
		HttpJson.Response ui = this.anonymous.getText("/swagger-ui/index.html");
		assertThat(ui.status()).as(ui.call() + " without a token").isEqualTo(200);
		assertThat(ui.header("Content-Type")).as(ui.call()).startsWith("text/html");
		assertThat(ui.body().asString()).as(ui.call()).contains("Swagger UI");
	}

	/**
	 * What is wrong with the document, given the operations the service maps (e.g.
	 * {@code GET /orders/{orderId}}); nothing when it is right.
	 */
	static List<String> defects(JsonNode document, Set<String> mapped) {
		List<String> defects = new ArrayList<>();
		String version = document.path("openapi").asString("");
		if (!version.startsWith("3.")) {
			defects.add("openapi is '" + version + "', not 3.x");
		}
		JsonNode bearer = document.path("components").path("securitySchemes").path("bearerAuth");
		if (!"http".equals(bearer.path("type").asString("")) || !"bearer".equals(bearer.path("scheme").asString(""))
				|| !"JWT".equals(bearer.path("bearerFormat").asString(""))) {
			defects.add("no security scheme bearerAuth of type http, scheme bearer, bearerFormat JWT: " + bearer);
		}
		if (!requiresBearer(document.path("security"))) {
			defects.add("bearerAuth is not required by default (security: " + document.path("security") + ")");
		}
		Set<String> documented = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				if (METHODS.contains(method.getKey())) {
					String operation = method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
					documented.add(operation);
					defects.addAll(defectsOf(operation, method.getValue()));
				}
			}
		}
		mapped.stream()
			.filter((operation) -> !documented.contains(operation))
			.forEach((operation) -> defects.add(operation + " is mapped but not documented"));
		documented.stream()
			.filter((operation) -> !mapped.contains(operation))
			.forEach((operation) -> defects.add(operation + " is documented but not mapped"));
		return defects;
	}

	private static List<String> defectsOf(String operation, JsonNode documented) {
		List<String> defects = new ArrayList<>();
		if (documented.path("summary").asString("").isBlank()) {
			defects.add(operation + " has no summary");
		}
		if (documented.has("security") && !requiresBearer(documented.path("security"))) {
			defects.add(operation + " does not require bearerAuth (security: " + documented.path("security") + ")");
		}
		JsonNode responses = documented.path("responses");
		if (responses.propertyNames().stream().noneMatch((status) -> status.startsWith("2"))) {
			defects.add(operation + " documents no success (2xx) response: " + responses.propertyNames());
		}
		for (Map.Entry<String, JsonNode> response : responses.properties()) {
			String status = response.getKey();
			if ((status.startsWith("4") || status.startsWith("5")) && response.getValue()
				.path("content")
				.propertyNames()
				.stream()
				.anyMatch((type) -> !type.equals("application/problem+json"))) {
				defects.add(operation + " answers " + status + " as "
						+ response.getValue().path("content").propertyNames() + ", not only application/problem+json");
			}
		}
		return defects;
	}

	private static boolean requiresBearer(JsonNode security) {
		return StreamSupport.stream(security.spliterator(), false)
			.anyMatch((requirement) -> requirement.has("bearerAuth"));
	}

	/**
	 * Every method and path the context's handler mappings map, as {@code GET /orders},
	 * with the path's variables as OpenAPI writes them ({@code {sku}}, never
	 * {@code {sku:regex}}).
	 */
	static Set<String> operationsMappedIn(ApplicationContext context) {
		Set<String> operations = new TreeSet<>();
		for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
				Class<?> type = handler.getValue().getBeanType();
				if (ErrorController.class.isAssignableFrom(type) || type.getName().startsWith(SPRINGDOC)) {
					continue;
				}
				Set<RequestMethod> methods = handler.getKey().getMethodsCondition().getMethods();
				assertThat(methods).as(handler.getValue() + " answers every HTTP method: name the ones it means")
					.isNotEmpty();
				for (String path : handler.getKey().getPatternValues()) {
					methods.forEach(
							(method) -> operations.add(method + " " + path.replaceAll("\\{(\\w+):[^}]*}", "{$1}")));
				}
			}
		}
		return operations;
	}

}
