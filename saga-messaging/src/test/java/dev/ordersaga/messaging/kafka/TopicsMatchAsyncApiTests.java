package dev.ordersaga.messaging.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.ordersaga.events.DeadLetterHeaders;
import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.SagaProperties;
import dev.ordersaga.messaging.test.AsyncApiSchemas;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topics the services create and the dead letters they write are those the AsyncAPI
 * document describes.
 */
class TopicsMatchAsyncApiTests {

	private static final Set<String> INT_HEADERS = Set.of(DeadLetterHeaders.ORIGINAL_PARTITION);

	private static final Set<String> LONG_HEADERS = Set.of(DeadLetterHeaders.ORIGINAL_OFFSET,
			DeadLetterHeaders.ORIGINAL_TIMESTAMP);

	private final AsyncApiSchemas schemas = new AsyncApiSchemas();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyChannelHasThePartitionCountTheServicesCreateItWith() {
		SagaProperties defaults = new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate("saga",
				SagaProperties.class);
		Map<String, Integer> described = new LinkedHashMap<>();
		this.schemas.document()
			.path("channels")
			.forEachEntry((name, channel) -> described.put(channel.path("address").asString(),
					channel.path("bindings").path("kafka").path("partitions").asInt()));

		assertThat(described).isEqualTo(Topics.partitionsByTopic(defaults.topics().partitions()));
	}

	@Test
	void aDeadLetterCarriesTheHeadersTheDocumentDescribes() {
		MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
				new ByteArraySerializer());
		DeadLetters deadLetters = new DeadLetters(new KafkaTemplate<>(new MockProducerFactory<>(() -> producer)),
				new SimpleMeterRegistry(), "payment-service");
		ConsumerRecord<String, byte[]> poison = new ConsumerRecord<>(Topics.INVENTORY_UPDATED, 4, 1207,
				"3f0c5a52-5d6e-4d2b-9a41-b1f1f2a8c9d0", "{not json".getBytes(StandardCharsets.UTF_8));
		poison.headers().add(EventHeaders.ID, "0d6a9f5e-3b57-4c1e-8f0e-51c1f1e0a001".getBytes(StandardCharsets.UTF_8));

		deadLetters.send(poison, new UnreadableEventException("value is not a valid inventory.updated event",
				new IllegalStateException("truncated")));

		ProducerRecord<String, byte[]> letter = producer.history().get(0);
		ObjectNode headers = decoded(letter);
		assertThat(letter.topic()).isEqualTo("inventory.updated.dlq");
		assertThat(this.schemas.headerErrors("dead-letter", headers)).isEmpty();
		assertThat(this.schemas.keyErrors("dead-letter", letter.key())).isEmpty();
		// every header a consumer adds is described; the original's travel along
		assertThat(this.schemas.message("dead-letter").path("headers").path("schema").path("$ref").asString())
			.isEqualTo("schemas/headers/dead-letter.json");
		Collection<String> described = this.schemas.file("asyncapi/schemas/headers/dead-letter.json")
			.path("properties")
			.propertyNames();
		assertThat(headers.propertyNames()).filteredOn((name) -> !name.equals(EventHeaders.ID))
			.allSatisfy((name) -> assertThat(described).contains(name));
		assertThat(headers.path(DeadLetterHeaders.ORIGINAL_PARTITION).asInt()).isEqualTo(4);
		assertThat(headers.path(DeadLetterHeaders.ORIGINAL_OFFSET).asLong()).isEqualTo(1207);
		assertThat(headers.path(EventHeaders.ATTEMPTS).asString()).isEqualTo("1");
	}

	@Test
	void theDeadLetterSchemaRefusesADeadLetterWithoutItsOrigin() {
		ObjectNode headers = this.json.createObjectNode()
			.put(DeadLetterHeaders.ORIGINAL_PARTITION, 4)
			.put(DeadLetterHeaders.ORIGINAL_OFFSET, 1207L)
			.put(DeadLetterHeaders.EXCEPTION_FQCN, UnreadableEventException.class.getName())
			.put(EventHeaders.ATTEMPTS, "1");

		assertThat(this.schemas.headerErrors("dead-letter", headers)).isNotEmpty()
			.anySatisfy((error) -> assertThat(error).contains(DeadLetterHeaders.ORIGINAL_TOPIC));
	}

	/**
	 * The headers as operators' tools read them: binary numbers decoded, the rest text.
	 */
	private ObjectNode decoded(ProducerRecord<String, byte[]> letter) {
		ObjectNode headers = this.json.createObjectNode();
		for (Header header : letter.headers()) {
			if (INT_HEADERS.contains(header.key())) {
				headers.put(header.key(), ByteBuffer.wrap(header.value()).getInt());
			}
			else if (LONG_HEADERS.contains(header.key())) {
				headers.put(header.key(), ByteBuffer.wrap(header.value()).getLong());
			}
			else {
				headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
			}
		}
		return headers;
	}

}
