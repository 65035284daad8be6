package dev.ordersaga.messaging.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The AsyncAPI document that {@code saga-events} ships ({@code asyncapi/asyncapi.yaml}),
 * and validation of records against its messages' JSON Schemas (draft 2020-12, formats
 * such as {@code uuid} and {@code date-time} asserted).
 */
public final class AsyncApiSchemas {

	private static final String DOCUMENT = "asyncapi/asyncapi.yaml";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

	private final JsonNode document = read(DOCUMENT);

	public JsonNode document() {
		return this.document;
	}

	/** A file next to the document, such as {@code asyncapi/schemas/common.json}. */
	public JsonNode file(String location) {
		return read(location);
	}

	public JsonNode message(String name) {
		JsonNode message = this.document.path("components").path("messages").path(name);
		if (message.isMissingNode()) {
			throw new IllegalArgumentException("the AsyncAPI document has no message " + name);
		}
		return message;
	}

	/** What the message's payload schema finds wrong with the value (JSON bytes). */
	public List<String> payloadErrors(String message, byte[] value) {
		return errors(schema(message(message).path("payload").path("schema")),
				JSON.readTree(new String(value, StandardCharsets.UTF_8)));
	}

	/**
	 * What the message's headers schema finds wrong with the headers, each read as UTF-8
	 * text.
	 */
	public List<String> headerErrors(String message, Headers headers) {
		return headerErrors(message, textOf(headers));
	}

	public List<String> headerErrors(String message, JsonNode headers) {
		return errors(schema(message(message).path("headers").path("schema")), headers);
	}

	/** What the message's Kafka key schema finds wrong with the key. */
	public List<String> keyErrors(String message, String key) {
		JsonNode reference = message(message).path("bindings").path("kafka").path("key");
		JsonNode schema = this.document.at(reference.path("$ref").asString().substring(1));
		return errors(schema(schema), JSON.getNodeFactory().stringNode(key));
	}

	/** Headers as a JSON object of their UTF-8 text. */
	public static ObjectNode textOf(Headers headers) {
		ObjectNode node = JSON.createObjectNode();
		for (Header header : headers) {
			node.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
		}
		return node;
	}

	/** A schema of the document; its references resolve next to the document. */
	private Schema schema(JsonNode node) {
		if (node.isMissingNode()) {
			throw new IllegalArgumentException("no such schema in the AsyncAPI document");
		}
		return this.registry.getSchema(SchemaLocation.of("classpath:" + DOCUMENT), node);
	}

	private static List<String> errors(Schema schema, JsonNode instance) {
		return schema
			.validate(instance, (context) -> context.executionConfig((config) -> config.formatAssertionsEnabled(true)))
			.stream()
			.map(Error::toString)
			.toList();
	}

	private static JsonNode read(String location) {
		try (InputStream in = AsyncApiSchemas.class.getClassLoader().getResourceAsStream(location)) {
			Objects.requireNonNull(in, () -> location + " is not on the class path");
			return location.endsWith(".yaml") ? YAMLMapper.builder().build().readTree(in) : JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
