package dev.ordersaga.events;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import dev.ordersaga.events.AsyncApiDocument.Located;
import dev.ordersaga.events.control.ControlTopic;
import dev.ordersaga.events.control.ReplayRequested;
import dev.ordersaga.events.control.ReplaySeeked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every event record and its JSON Schema say the same: the same property names, every
 * property required (the reader needs each one present), {@code null} allowed exactly
 * where the component is {@code @Nullable}, and compatible types: text, numbers,
 * integers, arrays, objects, enums with the Java constants. The events are found from
 * {@link SagaEvent}'s permitted subclasses, so a new event without a schema fails here.
 */
class EventSchemaTests {

	private static final AsyncApiDocument document = new AsyncApiDocument();

	/** The record each control record type carries (see {@link ControlTopic}). */
	private static final Map<String, Class<? extends Record>> CONTROL_RECORDS = Map.of(ControlTopic.REPLAY_REQUESTED,
			ReplayRequested.class, ControlTopic.REPLAY_COMMITTED, ReplayRequested.class, ControlTopic.REPLAY_SEEKED,
			ReplaySeeked.class);

	static Stream<Class<?>> events() {
		return Arrays.stream(SagaEvent.class.getPermittedSubclasses());
	}

	@ParameterizedTest
	@MethodSource("events")
	void everyEventsSchemaMatchesItsRecord(Class<?> event) {
		String type = typeOf(event);
		Located payload = document.schemaOf(document.message(type), "payload");

		assertThat(payload.location()).isEqualTo("asyncapi/schemas/" + type + ".json");
		assertThat(payload.node().path("$schema").asString()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
		assertMatches(event, payload, type);
	}

	@Test
	void everyControlRecordTypesSchemaMatchesItsRecord() {
		assertThat(CONTROL_RECORDS).containsOnlyKeys(AsyncApiDocumentTests.constants(ControlTopic.class, ""));
		CONTROL_RECORDS.forEach((type, record) -> {
			Located payload = document.schemaOf(document.message(type), "payload");
			assertMatches(record, payload, type);
		});
	}

	@Test
	void moneyTravelsAsANumberBesideAnIsoCurrencyCode() {
		Located currency = new Located("asyncapi/schemas/common.json", document.file("asyncapi/schemas/common.json"))
			.child("$defs", "currency");
		String pattern = currency.node().path("pattern").asString();
		// the pattern takes what Money takes, and refuses what it refuses
		for (String code : List.of("EUR", "USD", "JPY")) {
			assertThat(code).matches(pattern);
			assertThatNoException().isThrownBy(() -> Money.of("1.00", code));
		}
		for (String code : List.of("euro", "EU", "EURO", "eur", "E1R")) {
			assertThat(code).doesNotMatch(pattern);
			assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1.00", code));
		}
		// wherever an event carries an amount, it carries its currency in that form
		events().forEach((event) -> {
			Located payload = document.schemaOf(document.message(typeOf(event)), "payload");
			for (RecordComponent component : event.getRecordComponents()) {
				if (component.getType() == BigDecimal.class) {
					assertThat(event.getRecordComponents()).extracting(RecordComponent::getName).contains("currency");
					Located schema = nonNull(payload.child("properties", "currency")).resolved(document);
					assertThat(schema.node()).as(event.getSimpleName() + ".currency").isEqualTo(currency.node());
				}
			}
		});
	}

	private static String typeOf(Class<?> event) {
		return Arrays.stream(EventType.values())
			.filter((type) -> type.recordClass().equals(event))
			.findFirst()
			.map(EventType::type)
			.orElseThrow(() -> new AssertionError(event.getSimpleName() + " has no EventType"));
	}

	/** Asserts that the schema describes what Jackson writes and reads for the type. */
	private static void assertMatches(Type type, Located schema, String path) {
		Located resolved = schema.resolved(document);
		JsonNode node = resolved.node();
		Class<?> raw = (type instanceof ParameterizedType parameterized) ? (Class<?>) parameterized.getRawType()
				: (Class<?>) type;
		if (raw.isRecord() && raw != OrderId.class) {
			assertRecord(raw, resolved, path);
		}
		else if (raw.isEnum()) {
			assertThat(node.path("type").asString()).as(path).isEqualTo("string");
			assertThat(node.path("enum").values()).as(path + " enum")
				.extracting(JsonNode::asString)
				.containsExactly(Arrays.stream(raw.getEnumConstants())
					.map((constant) -> ((Enum<?>) constant).name())
					.toArray(String[]::new));
		}
		else if (raw == String.class) {
			assertThat(node.path("type").asString()).as(path).isEqualTo("string");
		}
		else if (raw == OrderId.class || raw == UUID.class) {
			assertThat(node.path("type").asString()).as(path).isEqualTo("string");
			assertThat(node.path("format").asString()).as(path).isEqualTo("uuid");
		}
		else if (raw == Instant.class) {
			assertThat(node.path("type").asString()).as(path).isEqualTo("string");
			assertThat(node.path("format").asString()).as(path).isEqualTo("date-time");
		}
		else if (raw == BigDecimal.class) {
			assertThat(node.path("type").asString()).as(path).isEqualTo("number");
		}
		else if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class) {
			assertThat(node.path("type").asString()).as(path).isEqualTo("integer");
		}
		else if (raw == List.class) {
			assertThat(node.path("type").asString()).as(path).isEqualTo("array");
			assertMatches(typeArgument(type, 0), resolved.child("items"), path + "[]");
		}
		else if (raw == Map.class) {
			assertThat(node.path("type").asString()).as(path).isEqualTo("object");
			assertThat(typeArgument(type, 0)).as(path + " keys").isEqualTo(Integer.class);
			assertThat(resolved.child("propertyNames", "pattern").node().asString()).as(path + " keys")
				.isEqualTo("^[0-9]+$");
			assertMatches(typeArgument(type, 1), resolved.child("additionalProperties"), path + "{}");
		}
		else {
			fail("%s: no JSON type known for %s; teach this test how Jackson writes it", path, type);
		}
	}

	private static void assertRecord(Class<?> record, Located schema, String path) {
		JsonNode node = schema.node();
		RecordComponent[] components = record.getRecordComponents();
		String[] names = Arrays.stream(components).map(RecordComponent::getName).toArray(String[]::new);
		assertThat(node.path("type").asString()).as(path).isEqualTo("object");
		assertThat(node.path("properties").propertyNames()).as(path + " properties").containsExactlyInAnyOrder(names);
		// FAIL_ON_MISSING_CREATOR_PROPERTIES: the reader needs every component present,
		// null or not
		assertThat(node.path("required").values()).as(path + " required")
			.extracting(JsonNode::asString)
			.containsExactlyInAnyOrder(names);
		for (RecordComponent component : components) {
			String componentPath = path + "." + component.getName();
			Located property = schema.child("properties", component.getName());
			boolean nullable = component.getAnnotatedType().isAnnotationPresent(Nullable.class);
			assertThat(allowsNull(property)).as(componentPath + " allows null").isEqualTo(nullable);
			assertMatches(component.getGenericType(), nonNull(property), componentPath);
		}
	}

	/** A nullable property is {@code anyOf} its type and {@code null}. */
	private static boolean allowsNull(Located property) {
		return property.node()
			.path("anyOf")
			.values()
			.stream()
			.anyMatch((branch) -> "null".equals(branch.path("type").asString()));
	}

	/** The property's schema for its values other than {@code null}. */
	private static Located nonNull(Located property) {
		if (!allowsNull(property)) {
			return property;
		}
		List<JsonNode> others = property.node()
			.path("anyOf")
			.values()
			.stream()
			.filter((branch) -> !"null".equals(branch.path("type").asString()))
			.toList();
		assertThat(others).as(property.node().toString()).hasSize(1);
		return new Located(property.location(), others.get(0));
	}

	private static Type typeArgument(Type type, int index) {
		return ((ParameterizedType) type).getActualTypeArguments()[index];
	}

}
