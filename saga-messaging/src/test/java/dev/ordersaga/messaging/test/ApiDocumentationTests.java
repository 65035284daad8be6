package dev.ordersaga.messaging.test;

import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation check finds every way a document can drift from the code, and takes
 * the operations from what Spring MVC maps.
 */
class ApiDocumentationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> MAPPED = Set.of("GET /products/{sku}", "PUT /products/{sku}");

	private static final String DOCUMENT = """
			{"openapi": "3.1.0",
			 "security": [{"bearerAuth": []}],
			 "components": {"securitySchemes": {"bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}}},
			 "paths": {"/products/{sku}": {
			   "get": {"summary": "A product", "responses": {
			     "200": {"content": {"application/json": {}}},
			     "404": {"content": {"application/problem+json": {}}}}},
			   "put": {"summary": "Sets a product", "responses": {"201": {}, "200": {}}}}}}
			""";

	@Test
	void findsNothingWrongWithADocumentOfEveryMapping() {
		assertThat(ApiDocumentation.defects(document(), MAPPED)).isEmpty();
	}

	@Test
	void findsAMappingLeftOutAndAnOperationThatIsNotMapped() {
		assertThat(ApiDocumentation.defects(document(), Set.of("GET /products/{sku}", "GET /products")))
			.containsExactlyInAnyOrder("GET /products is mapped but not documented",
					"PUT /products/{sku} is documented but not mapped");
	}

	@Test
	void findsAnOperationWithoutSummaryOrSuccessOrWithAnErrorThatIsNoProblem() {
		ObjectNode document = document();
		ObjectNode get = (ObjectNode) document.get("paths").get("/products/{sku}").get("get");
		get.remove("summary");
		((ObjectNode) get.get("responses")).remove("200");
		((ObjectNode) get.get("responses").get("404").get("content")).putObject("application/json");
		assertThat(ApiDocumentation.defects(document, MAPPED)).containsExactlyInAnyOrder(
				"GET /products/{sku} has no summary", "GET /products/{sku} documents no success (2xx) response: [404]",
				"GET /products/{sku} answers 404 as [application/problem+json, application/json], not only application/problem+json");
	}

	@Test
	void findsADocumentThatIsNotOpenApi3OrDoesNotRequireTheToken() {
		ObjectNode document = document();
		document.put("openapi", "2.0");
		document.remove("security");
		((ObjectNode) document.get("components").get("securitySchemes").get("bearerAuth")).put("scheme", "basic");
		((ObjectNode) document.get("paths").get("/products/{sku}").get("put")).putArray("security");
		assertThat(ApiDocumentation.defects(document, MAPPED)).hasSize(4)
			.anySatisfy((defect) -> assertThat(defect).startsWith("openapi is '2.0'"))
			.anySatisfy((defect) -> assertThat(defect).startsWith("no security scheme bearerAuth"))
			.anySatisfy((defect) -> assertThat(defect).startsWith("bearerAuth is not required by default"))
			.anySatisfy((defect) -> assertThat(defect).startsWith("PUT /products/{sku} does not require bearerAuth"));
	}

	@Test
	void takesTheOperationsFromTheRequestMappingsWithVariablesAsOpenApiWritesThem() {
		try (AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext()) {
			context.setServletContext(new MockServletContext());
			context.register(Mappings.class);
			context.refresh();
			assertThat(ApiDocumentation.operationsMappedIn(context)).containsExactly("GET /products/{sku}",
					"PUT /products/{sku}");
		}
	}

	private static ObjectNode document() {
		JsonNode document = JSON.readTree(DOCUMENT);
		return (ObjectNode) document;
	}

	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	static class Mappings {

		@Bean
		ProductController productController() {
			return new ProductController();
		}

	}

	@RestController
	static class ProductController {

		@GetMapping("/products/{sku:[A-Z0-9-]+}")
		String get(@PathVariable String sku) {
			return sku;
		}

		@PutMapping("/products/{sku}")
		String put(@PathVariable String sku) {
			return sku;
		}

	}

}
