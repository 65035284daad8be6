package dev.ordersaga.messaging.replay;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.events.control.ControlTopic;
import dev.ordersaga.events.control.ReplaySeeked;
import dev.ordersaga.messaging.test.AsyncApiSchemas;
import dev.ordersaga.messaging.test.PublishedSamples;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replay request as {@code sagactl} published it (the sample
 * {@code compat/control/replay.requested.v1.json}, never edited, only added to) is still
 * carried out by a running service, whose answer matches the AsyncAPI document.
 */
class ReplayRequestsCompatibilityTests {

	private static final Instant NOW = Instant.parse("2026-11-22T11:00:01Z");

	private final MockProducer<String, byte[]> producer = new MockProducer<>(true, null, new StringSerializer(),
			new ByteArraySerializer());

	private final RecentReplays recent = new RecentReplays(Clock.fixed(NOW, ZoneOffset.UTC));

	private final ReplayControl control = new ReplayControl(new DefaultKafkaConsumerFactory<>(Map.of()),
			new KafkaTemplate<>(new MockProducerFactory<String, byte[]>(() -> this.producer)),
			new StaticListableBeanFactory().getBeanProvider(ReplayableListener.class), this.recent,
			Clock.fixed(NOW, ZoneOffset.UTC), "inventory-service");

	private final AsyncApiSchemas schemas = new AsyncApiSchemas();

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void aPublishedReplayRequestIsStillCarriedOutAndAnswered() {
		JsonNode sample = PublishedSamples.sample("compat/control/replay.requested.v1.json");
		assertThat(this.schemas.payloadErrors(ControlTopic.REPLAY_REQUESTED, PublishedSamples.value(sample))).isEmpty();
		assertThat(this.schemas.headerErrors(ControlTopic.REPLAY_REQUESTED, sample.path("headers"))).isEmpty();

		this.control.handle(PublishedSamples.record(sample));

		assertThat(this.recent.targetOf(new TopicPartition(Topics.ORDER_CREATED, 0))).contains(1207L);
		assertThat(this.recent.targetOf(new TopicPartition(Topics.ORDER_CREATED, 3))).contains(980L);
		assertThat(this.producer.history()).singleElement().satisfies((answer) -> {
			assertThat(answer.topic()).isEqualTo(Topics.CONTROL);
			assertThat(answer.key()).isEqualTo("inventory-service");
			ReplaySeeked seeked = this.json.readValue(answer.value(), ReplaySeeked.class);
			assertThat(seeked.requestId()).isEqualTo(UUID.fromString("4b48829a-033f-4fad-ab58-38743e56bc7c"));
			assertThat(seeked.topic()).isEqualTo(Topics.ORDER_CREATED);
			assertThat(seeked.seekedAt()).isEqualTo(NOW);
			assertMatchesSchema(answer);
		});
	}

	private void assertMatchesSchema(ProducerRecord<String, byte[]> answer) {
		assertThat(new String(answer.headers().lastHeader(EventHeaders.TYPE).value(), StandardCharsets.UTF_8))
			.isEqualTo(ControlTopic.REPLAY_SEEKED);
		assertThat(this.schemas.payloadErrors(ControlTopic.REPLAY_SEEKED, answer.value())).isEmpty();
		assertThat(this.schemas.headerErrors(ControlTopic.REPLAY_SEEKED, answer.headers())).isEmpty();
		assertThat(this.schemas.keyErrors(ControlTopic.REPLAY_SEEKED, answer.key())).isEmpty();
	}

}
