package dev.ordersaga.messaging.replay;

import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;

import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.events.Topics;
import dev.ordersaga.events.control.ControlTopic;
import dev.ordersaga.events.control.ReplayRequested;
import dev.ordersaga.events.control.ReplaySeeked;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;

/**
 * Carries out replays of this service's consumer group while it runs. Every instance
 * reads the control topic with a consumer of its own, outside any group, so each instance
 * sees every request. For a request to its group, an instance seeks the partitions it
 * owns and answers with a {@link ReplaySeeked} record; {@code sagactl} waits until the
 * answers cover every partition of the replay. Requests stay in {@link RecentReplays} for
 * a few minutes (an instance starting reads those of the last few minutes too), so a
 * partition that changes hands in a rebalance meanwhile is seeked by its new owner.
 */
class ReplayControl implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ReplayControl.class);

	private final ConsumerFactory<String, byte[]> consumers;

	private final KafkaOperations<String, byte[]> kafka;

	private final ObjectProvider<ReplayableListener> listeners;

	private final String group;

	private final String instance;

	private final JsonMapper json = JsonMapper.builder().build();

	private final RecentReplays recent;

	private final Clock clock;

	private volatile boolean running;

	/** Requests from this offset on came after this instance started: it acts on them. */
	private long firstNew;

	private @Nullable Thread thread;

	private @Nullable Consumer<String, byte[]> consumer;

	ReplayControl(ConsumerFactory<String, byte[]> consumers, KafkaOperations<String, byte[]> kafka,
			ObjectProvider<ReplayableListener> listeners, RecentReplays recent, Clock clock, String group) {
		this.recent = recent;
		this.clock = clock;
		this.consumers = consumers;
		this.kafka = kafka;
		this.listeners = listeners;
		this.group = group;
		this.instance = group + "@" + host() + ":" + ProcessHandle.current().pid();
	}

	@Override
	public void start() {
		Consumer<String, byte[]> control = this.consumers.createConsumer(null, "replay-control", null,
				controlConsumer());
		TopicPartition partition = new TopicPartition(Topics.CONTROL, 0);
		control.assign(List.of(partition));
		startAtRecentRequests(control, partition);
		this.listeners.forEach((listener) -> listener.follow(this.recent));
		this.consumer = control;
		this.running = true;
		this.thread = Thread.ofPlatform().daemon().name("replay-control").start(() -> follow(control));
	}

	/**
	 * Requests of the last few minutes are read too and remembered, for partitions this
	 * instance is assigned while their replay may not be committed yet; only requests
	 * newer than this instance are acted on. When Kafka cannot say where those are, the
	 * control topic is followed from its end.
	 */
	private void startAtRecentRequests(Consumer<String, byte[]> control, TopicPartition partition) {
		Duration patience = Duration.ofSeconds(5);
		try {
			this.firstNew = Objects.requireNonNull(control.endOffsets(List.of(partition), patience).get(partition));
			OffsetAndTimestamp since = control
				.offsetsForTimes(Map.of(partition, this.clock.instant().minus(RecentReplays.WINDOW).toEpochMilli()),
						patience)
				.get(partition);
			control.seek(partition, (since != null) ? since.offset() : this.firstNew);
		}
		catch (KafkaException ex) {
			log.warn("Cannot look up recent replays on {}, following it from its end: {}", Topics.CONTROL,
					ex.toString());
			this.firstNew = 0;
			control.seekToEnd(List.of(partition));
		}
	}

	/**
	 * Before the listener containers, so that their first assignment knows recent
	 * replays.
	 */
	@Override
	public int getPhase() {
		return AbstractMessageListenerContainer.DEFAULT_PHASE - 100;
	}

	private void follow(Consumer<String, byte[]> control) {
		try (control) {
			while (this.running) {
				for (ConsumerRecord<String, byte[]> record : control.poll(Duration.ofSeconds(1))) {
					try {
						handle(record);
					}
					catch (RuntimeException ex) {
						log.warn("Could not carry out the control record at {}@{}", Topics.CONTROL, record.offset(),
								ex);
					}
				}
			}
		}
		catch (WakeupException ex) {
			// stopping
		}
		catch (RuntimeException ex) {
			log.error("Replay control stopped: replays of {} need a restart of this instance now", this.group, ex);
		}
	}

	@SuppressWarnings("FutureReturnValueIgnored") // the answer's callback logs a failed
													// send
	void handle(ConsumerRecord<String, byte[]> record) {
		if (!this.group.equals(record.key()) || !ControlTopic.REPLAY_REQUESTED.equals(type(record))) {
			return;
		}
		ReplayRequested request;
		try {
			request = this.json.readValue(record.value(), ReplayRequested.class);
		}
		catch (JacksonException | IllegalArgumentException ex) {
			log.warn("Ignoring unreadable replay request at {}@{}: {}", Topics.CONTROL, record.offset(),
					ex.getMessage());
			return;
		}
		this.recent.add(request);
		if (record.offset() < this.firstNew) {
			return;
		}
		Map<Integer, Long> seeked = new TreeMap<>();
		this.listeners.forEach((listener) -> seeked.putAll(listener.seek(request.topic(), request.offsets())));
		log.info("Replay {} requested by {} at {}: {} consumes {} again from {} (partition=offset)", request.id(),
				request.requestedBy(), request.requestedAt(), this.instance, request.topic(), seeked);
		ReplaySeeked answer = new ReplaySeeked(request.id(), this.group, request.topic(), this.instance, seeked,
				this.clock.instant());
		ProducerRecord<String, byte[]> reply = new ProducerRecord<>(Topics.CONTROL, this.group,
				this.json.writeValueAsBytes(answer));
		reply.headers().add(EventHeaders.TYPE, ControlTopic.REPLAY_SEEKED.getBytes(StandardCharsets.UTF_8));
		reply.headers().add(EventHeaders.CONTENT_TYPE, EventHeaders.JSON.getBytes(StandardCharsets.UTF_8));
		this.kafka.send(reply).whenComplete((sent, failure) -> {
			if (failure != null) {
				log.warn("Replay {}: could not answer on {}; sagactl will report these partitions as not seeked",
						request.id(), Topics.CONTROL, failure);
			}
		});
	}

	private static @Nullable String type(ConsumerRecord<String, byte[]> record) {
		Header header = record.headers().lastHeader(EventHeaders.TYPE);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<String, byte[]> control = this.consumer;
		if (control != null) {
			control.wakeup();
		}
		Thread follower = this.thread;
		if (follower != null) {
			try {
				follower.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private static String host() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return ManagementFactory.getRuntimeMXBean().getName();
		}
	}

	/** The control consumer reads only what is new and never commits. */
	private static Properties controlConsumer() {
		Properties properties = new Properties();
		properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "50");
		return properties;
	}

}
