package dev.ordersaga.messaging.apidocs;

import java.util.Properties;

import dev.ordersaga.messaging.security.ApiAccessRules;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the API documentation adds to what springdoc finds in the controllers: the
 * service's name and version, the bearer token, the problem responses, and the rule that
 * opens the documentation to anyone.
 */
class SagaApiDocsAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SagaApiDocsAutoConfiguration.class))
		.withPropertyValues("spring.application.name=inventory-service");

	@Test
	void namesTheServiceVersionsItByItsBuildAndRequiresTheBearerToken() {
		Properties build = new Properties();
		build.setProperty("version", "1.2.3");
		this.runner.withBean(BuildProperties.class, () -> new BuildProperties(build)).run((context) -> {
			OpenAPI api = context.getBean(OpenAPI.class);
			assertThat(api.getInfo().getTitle()).isEqualTo("inventory-service");
			assertThat(api.getInfo().getVersion()).isEqualTo("1.2.3");
			SecurityScheme bearer = api.getComponents().getSecuritySchemes().get("bearerAuth");
			assertThat(bearer.getType()).isEqualTo(SecurityScheme.Type.HTTP);
			assertThat(bearer.getScheme()).isEqualTo("bearer");
			assertThat(bearer.getBearerFormat()).isEqualTo("JWT");
			assertThat(bearer.getDescription()).contains("`roles` claim", "`customer`", "`operator`",
					"./sagactl token --customer c-1");
			assertThat(api.getSecurity()).singleElement()
				.satisfies((item) -> assertThat(item).containsKey("bearerAuth"));
		});
	}

	@Test
	void saysSoWhenTheBuildIsUnknown() {
		this.runner.run((context) -> assertThat(context.getBean(OpenAPI.class).getInfo().getVersion())
			.isEqualTo("unversioned"));
	}

	@Test
	void opensTheDocumentationUnlessItIsTurnedOff() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(ApiAccessRules.class));
		this.runner.withPropertyValues("springdoc.api-docs.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ApiAccessRules.class).doesNotHaveBean(OpenAPI.class));
	}

	@Test
	void documentsTheRefusalsOfEveryOperationAsProblems() {
		Operation put = new Operation().requestBody(new RequestBody())
			.responses(new ApiResponses().addApiResponse("409", jsonResponse("Below the reserved units"))
				.addApiResponse("201", jsonResponse("Created")));
		Operation get = new Operation().responses(new ApiResponses().addApiResponse("200", jsonResponse("Found"))
			.addApiResponse("404", jsonResponse("No such product")));
		OpenAPI api = new OpenAPI().paths(new Paths().addPathItem("/products/{sku}", new PathItem().put(put).get(get)));
		this.runner.run((context) -> context.getBean(OpenApiCustomizer.class).customise(api));

		assertThat(put.getResponses().keySet()).containsExactly("201", "400", "401", "403", "409", "413");
		assertThat(get.getResponses().keySet()).containsExactly("200", "401", "403", "404");
		assertThat(put.getResponses().get("409").getDescription()).isEqualTo("Below the reserved units");
		assertThat(put.getResponses().get("413").getDescription()).contains("64 KiB");
		assertThat(get.getResponses().get("401").getHeaders()).containsKey("WWW-Authenticate");
		for (Operation operation : new Operation[] { put, get }) {
			operation.getResponses().forEach((status, response) -> {
				String expected = status.startsWith("2") ? "application/json" : "application/problem+json";
				assertThat(response.getContent()).as(status).containsOnlyKeys(expected);
			});
		}
		assertThat(put.getResponses().get("400").getContent().get("application/problem+json").getSchema().get$ref())
			.isEqualTo("#/components/schemas/Problem");
		Schema<?> problem = api.getComponents().getSchemas().get("Problem");
		assertThat(problem.getProperties()).containsOnlyKeys("type", "title", "status", "detail", "instance", "errors");
	}

	private static ApiResponse jsonResponse(String description) {
		return new ApiResponse().description(description)
			.content(new Content().addMediaType("application/json", new MediaType()));
	}

}
