package dev.ordersaga.ops.replay;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.events.control.ControlTopic;
import dev.ordersaga.events.control.ReplayRequested;
import dev.ordersaga.events.control.ReplaySeeked;
import dev.ordersaga.ops.kafka.KafkaAccess;
import dev.ordersaga.ops.kafka.RecordJson;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The control topic as sagactl uses it: it records every executed replay there (who,
 * when, what) and, for a running group, asks the instances to seek and collects their
 * answers.
 */
final class ControlChannel implements AutoCloseable {

	private static final TopicPartition PARTITION = new TopicPartition(Topics.CONTROL, 0);

	private final JsonMapper json = JsonMapper.builder().build();

	private final KafkaProducer<byte[], byte[]> producer;

	private final KafkaConsumer<byte[], byte[]> answers;

	/** Opens the channel, creating the topic if no service has yet. */
	ControlChannel(KafkaAccess access) {
		if (!access.topicNames().contains(Topics.CONTROL)) {
			access.await(access.admin()
				.createTopics(List.of(new NewTopic(Topics.CONTROL, Optional.of(1), Optional.empty())))
				.all(), "create " + Topics.CONTROL);
		}
		this.producer = access.producer();
		this.answers = access.consumer();
		this.answers.assign(List.of(PARTITION));
		this.answers.seekToEnd(List.of(PARTITION));
		// fixes the position now, so no answer sent after the request is missed
		this.answers.position(PARTITION);
	}

	/** Writes a replay record; returns once the broker has it. */
	void publish(String type, ReplayRequested replay) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.CONTROL,
				replay.group().getBytes(StandardCharsets.UTF_8), this.json.writeValueAsBytes(replay));
		record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
		record.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.JSON.getBytes(StandardCharsets.UTF_8));
		try {
			this.producer.send(record).get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new KafkaAccess.Unavailable("cannot write to " + Topics.CONTROL + ": " + ex.getMessage());
		}
	}

	/**
	 * Collects the answers to a replay until they cover the given partitions or the wait
	 * is over.
	 * @return the partitions seeked
	 */
	Set<Integer> awaitSeeks(ReplayRequested replay, Set<Integer> partitions, Duration wait,
			Consumer<ReplaySeeked> onAnswer) {
		Set<Integer> seeked = new TreeSet<>();
		long deadline = System.nanoTime() + wait.toNanos();
		while (!seeked.containsAll(partitions) && System.nanoTime() < deadline) {
			for (ConsumerRecord<byte[], byte[]> record : this.answers.poll(Duration.ofMillis(200))) {
				ReplaySeeked answer = answerTo(replay, record);
				if (answer != null) {
					seeked.addAll(answer.offsets().keySet());
					onAnswer.accept(answer);
				}
			}
		}
		return seeked;
	}

	/** The record, when it is a readable answer to this replay. */
	private @Nullable ReplaySeeked answerTo(ReplayRequested replay, ConsumerRecord<byte[], byte[]> record) {
		if (!ControlTopic.REPLAY_SEEKED.equals(RecordJson.header(record, EventHeaders.TYPE))
				|| !replay.group().equals(RecordJson.keyText(record))) {
			return null;
		}
		try {
			ReplaySeeked answer = this.json.readValue(record.value(), ReplaySeeked.class);
			return answer.requestId().equals(replay.id()) ? answer : null;
		}
		catch (JacksonException | IllegalArgumentException ex) {
			// not an answer anyone could have meant for this replay
			return null;
		}
	}

	@Override
	public void close() {
		this.producer.close(Duration.ofSeconds(2));
		this.answers.close(CloseOptions.timeout(Duration.ofSeconds(2)));
	}

}
