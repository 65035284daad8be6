package dev.ordersaga.events;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.ordersaga.events.AsyncApiDocument.Located;
import dev.ordersaga.events.control.ControlTopic;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The AsyncAPI document ({@code asyncapi/asyncapi.yaml}) describes the topics, events,
 * headers and publishers that the code has: a topic, event type, header or service added
 * to {@code saga-events} without it fails here.
 */
class AsyncApiDocumentTests {

	private final AsyncApiDocument document = new AsyncApiDocument();

	@Test
	void isAnAsyncApi3DocumentWhoseReferencesAllResolve() {
		assertThat(this.document.root().path("asyncapi").asString()).isEqualTo("3.0.0");
		List<Located> references = this.document.references();
		assertThat(references).hasSizeGreaterThan(100);
		assertThat(references).allSatisfy((reference) -> assertThatNoException()
			.as(reference.node().path("$ref").asString() + " in " + reference.location())
			.isThrownBy(() -> reference.resolved(this.document)));
	}

	@Test
	void hasAChannelForEveryTopicTheSagaCreatesAndNoOther() {
		JsonNode channels = this.document.root().path("channels");
		assertThat(channels.propertyNames()).containsExactlyInAnyOrderElementsOf(Topics.partitionsByTopic(6).keySet());
		channels.forEachEntry((name, channel) -> assertThat(channel.path("address").asString()).isEqualTo(name));
	}

	@Test
	void describesEveryEventTypeAsAMessageOnItsTopicWithItsCloudEventsHeaders() {
		for (EventType type : EventType.values()) {
			JsonNode message = this.document.message(type.type());
			assertThat(message.path("name").asString()).isEqualTo(type.type());
			assertThat(message.path("title").asString()).isEqualTo(type.recordClass().getSimpleName());
			assertThat(message.path("payload").path("schema").path("$ref").asString())
				.isEqualTo("schemas/" + type.type() + ".json");
			assertThat(this.document.channel(type.topic()).path("messages").propertyNames())
				.containsExactly(type.type());
			JsonNode narrowed = message.path("headers").path("schema").path("properties");
			assertThat(narrowed.path(EventHeaders.TYPE).path("const").asString()).isEqualTo(type.type());
			assertThat(narrowed.path(EventHeaders.SOURCE).path("const").asString()).isEqualTo(type.producer());
		}
		assertThat(this.document.root().path("components").path("messages").propertyNames())
			.hasSize(EventType.values().length + constants(ControlTopic.class, "").size() + 1);
	}

	@Test
	void hasEveryEventTypeSentByTheOneServiceThatPublishesIt() {
		for (EventType type : EventType.values()) {
			assertThat(this.document.operations(type.topic(), "send")).as(type.type())
				.singleElement()
				.satisfies((operation) -> assertThat(services(operation)).containsExactly(type.producer()));
		}
	}

	@Test
	void namesTheConsumerGroupOfEveryReceiver() {
		for (String topic : Topics.ALL) {
			assertThat(this.document.operations(topic, "receive")).as(topic).isNotEmpty().allSatisfy((operation) -> {
				List<String> services = services(operation);
				assertThat(services).singleElement().isIn(constants(Services.class, ""));
				assertThat(operation.path("bindings").path("kafka").path("groupId").path("const").asString())
					.isEqualTo(services.get(0));
			});
		}
	}

	@Test
	void hasAnalyticsReceiveExactlyItsSubscription() {
		List<String> received = Topics.ALL.stream()
			.filter((topic) -> this.document.operations(topic, "receive")
				.stream()
				.anyMatch((operation) -> services(operation).contains(Subscription.ANALYTICS.group())))
			.toList();
		assertThat(received).containsExactlyInAnyOrderElementsOf(Subscription.ANALYTICS.topics());
	}

	@Test
	void describesTheHeadersOfEventHeaders() {
		JsonNode headers = this.document.file("asyncapi/schemas/headers/event.json");
		assertThat(headers.path("properties").propertyNames()).containsExactlyInAnyOrder(EventHeaders.ID,
				EventHeaders.TYPE, EventHeaders.SOURCE, EventHeaders.SPEC_VERSION, EventHeaders.TIME,
				EventHeaders.CONTENT_TYPE, EventHeaders.TRACEPARENT, EventHeaders.REDRIVE_OF,
				EventHeaders.REDRIVE_COUNT, EventHeaders.REDRIVE_FOR);
		assertThat(strings(headers.path("properties").path(EventHeaders.TYPE).path("enum")))
			.containsExactlyInAnyOrder(Arrays.stream(EventType.values()).map(EventType::type).toArray(String[]::new));
		assertThat(strings(headers.path("properties").path(EventHeaders.SOURCE).path("enum")))
			.containsExactlyInAnyOrderElementsOf(
					Arrays.stream(EventType.values()).map(EventType::producer).distinct().toList());
		assertThat(headers.path("properties").path(EventHeaders.SPEC_VERSION).path("const").asString())
			.isEqualTo(EventHeaders.CLOUDEVENTS_VERSION);
		assertThat(headers.path("properties").path(EventHeaders.CONTENT_TYPE).path("const").asString())
			.isEqualTo(EventHeaders.JSON);
	}

	@Test
	void givesEveryDeadLetterTopicTheDeadLetterHeaders() {
		for (String topic : Topics.ALL) {
			String deadLetters = Topics.deadLetterOf(topic);
			assertThat(this.document.channel(deadLetters).path("messages").path("dead-letter").path("$ref").asString())
				.isEqualTo("#/components/messages/dead-letter");
			assertThat(this.document.operations(deadLetters, "send")).singleElement()
				.satisfies((operation) -> assertThat(services(operation))
					.containsExactlyInAnyOrderElementsOf(this.document.operations(topic, "receive")
						.stream()
						.flatMap((r) -> services(r).stream())
						.toList()));
		}
		JsonNode headers = this.document.file("asyncapi/schemas/headers/dead-letter.json").path("properties");
		assertThat(headers.propertyNames()).containsAll(constants(DeadLetterHeaders.class, DeadLetterHeaders.PREFIX))
			.contains(EventHeaders.ATTEMPTS);
		assertThat(strings(headers.path(DeadLetterHeaders.ORIGINAL_TOPIC).path("enum")))
			.containsExactlyInAnyOrderElementsOf(Topics.ALL);
	}

	@Test
	void carriesEveryControlRecordTypeOnTheControlTopic() {
		Set<String> types = constants(ControlTopic.class, "");
		assertThat(this.document.channel(Topics.CONTROL).path("messages").propertyNames())
			.containsExactlyInAnyOrderElementsOf(types);
		types.forEach((type) -> assertThat(this.document.message(type)
			.path("headers")
			.path("schema")
			.path("properties")
			.path(EventHeaders.TYPE)
			.path("const")
			.asString()).isEqualTo(type));
		JsonNode headers = this.document.file("asyncapi/schemas/headers/control.json");
		assertThat(strings(headers.path("properties").path(EventHeaders.TYPE).path("enum")))
			.containsExactlyInAnyOrderElementsOf(types);
	}

	@Test
	void knowsTheSagasServices() {
		JsonNode services = this.document.file("asyncapi/schemas/common.json").path("$defs").path("service");
		assertThat(strings(services.path("enum"))).containsExactlyInAnyOrderElementsOf(constants(Services.class, ""));
	}

	private static List<String> services(JsonNode operation) {
		return operation.path("tags").values().stream().map((tag) -> tag.path("name").asString()).toList();
	}

	private static List<String> strings(JsonNode array) {
		return array.values().stream().filter(JsonNode::isString).map(JsonNode::asString).toList();
	}

	/**
	 * The values of a class's public string constants that start with the prefix (the
	 * prefix itself left out).
	 */
	static Set<String> constants(Class<?> type, String prefix) {
		return Arrays.stream(type.getFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
			.map(AsyncApiDocumentTests::value)
			.filter((value) -> value.startsWith(prefix) && !value.equals(prefix))
			.collect(Collectors.toSet());
	}

	private static String value(Field constant) {
		try {
			return (String) constant.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
