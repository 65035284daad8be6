package dev.ordersaga.ops.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;

import dev.ordersaga.events.DeadLetterHeaders;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A record as one JSON object: topic, partition, offset, timestamp, key, headers and
 * value. A value that is JSON is embedded as JSON; other text as a string; anything else
 * as base64 (with {@code "valueEncoding":"base64"}). Spring Kafka's binary dead-letter
 * headers (original partition, offset, timestamp) are decoded to numbers.
 */
public final class RecordJson {

	private static final Set<String> INT_HEADERS = Set.of(DeadLetterHeaders.ORIGINAL_PARTITION);

	private static final Set<String> LONG_HEADERS = Set.of(DeadLetterHeaders.ORIGINAL_OFFSET,
			DeadLetterHeaders.ORIGINAL_TIMESTAMP);

	private final JsonMapper json = JsonMapper.builder().build();

	public ObjectNode render(ConsumerRecord<byte[], byte[]> record, boolean withStackTraces) {
		ObjectNode node = this.json.createObjectNode();
		node.put("topic", record.topic());
		node.put("partition", record.partition());
		node.put("offset", record.offset());
		node.put("timestamp", Instant.ofEpochMilli(record.timestamp()).toString());
		node.put("key", (record.key() != null) ? text(record.key()) : null);
		ObjectNode headers = node.putObject("headers");
		for (Header header : record.headers()) {
			if (!withStackTraces && header.key().equals(DeadLetterHeaders.EXCEPTION_STACKTRACE)) {
				continue;
			}
			putHeader(headers, header);
		}
		putValue(node, record.value());
		return node;
	}

	public String write(JsonNode node) {
		return this.json.writeValueAsString(node);
	}

	/** The key as text (base64 when it is not text), or null. */
	public static @Nullable String keyText(ConsumerRecord<byte[], byte[]> record) {
		return (record.key() != null) ? text(record.key()) : null;
	}

	/** The text of a header, or null. */
	public static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null && header.value() != null) ? text(header.value()) : null;
	}

	private static void putHeader(ObjectNode headers, Header header) {
		byte[] bytes = header.value();
		if (bytes == null) {
			headers.putNull(header.key());
		}
		else if (INT_HEADERS.contains(header.key()) && bytes.length == 4) {
			headers.put(header.key(), ByteBuffer.wrap(bytes).getInt());
		}
		else if (LONG_HEADERS.contains(header.key()) && bytes.length == 8) {
			headers.put(header.key(), ByteBuffer.wrap(bytes).getLong());
		}
		else {
			headers.put(header.key(), text(bytes));
		}
	}

	private void putValue(ObjectNode node, byte @Nullable [] value) {
		if (value == null) {
			node.putNull("value");
			return;
		}
		String text = utf8(value);
		if (text != null) {
			try {
				node.set("value", this.json.readTree(text));
				return;
			}
			catch (JacksonException ex) {
				node.put("value", text);
				node.put("valueEncoding", "text");
				return;
			}
		}
		node.put("value", Base64.getEncoder().encodeToString(value));
		node.put("valueEncoding", "base64");
	}

	private static String text(byte[] bytes) {
		String text = utf8(bytes);
		return (text != null) ? text : "base64:" + Base64.getEncoder().encodeToString(bytes);
	}

	private static @Nullable String utf8(byte[] bytes) {
		try {
			String text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
			return text.chars().allMatch((c) -> c >= 0x20 || c == '\n' || c == '\r' || c == '\t') ? text : null;
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
