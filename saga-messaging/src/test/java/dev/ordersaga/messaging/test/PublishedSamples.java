package dev.ordersaga.messaging.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The records kept in {@code src/test/resources/compat/} as they were published: topic,
 * key, headers (as text) and the value's exact bytes (as text). Samples are never edited,
 * only added.
 */
public final class PublishedSamples {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private PublishedSamples() {
	}

	/**
	 * The sample at a class path location such as {@code compat/order.created.v1.json}.
	 */
	public static JsonNode sample(String location) {
		try (InputStream in = PublishedSamples.class.getClassLoader().getResourceAsStream(location)) {
			return JSON.readTree(Objects.requireNonNull(in, () -> location + " is not on the class path"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The value's bytes, as they were published. */
	public static byte[] value(JsonNode sample) {
		return sample.path("value").asString().getBytes(StandardCharsets.UTF_8);
	}

	/** The sample as a consumer receives it. */
	public static ConsumerRecord<String, byte[]> record(JsonNode sample) {
		ConsumerRecord<String, byte[]> record = new ConsumerRecord<>(sample.path("topic").asString(), 0, 0,
				sample.path("key").asString(), value(sample));
		sample.path("headers")
			.forEachEntry(
					(header, value) -> record.headers().add(header, value.asString().getBytes(StandardCharsets.UTF_8)));
		return record;
	}

}
