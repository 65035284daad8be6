package dev.ordersaga.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import dev.ordersaga.events.Topics;
import dev.ordersaga.events.control.ControlTopic;
import dev.ordersaga.events.control.ReplayRequested;
import dev.ordersaga.events.control.ReplaySeeked;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The commands of sagactl against a real broker: topics, read from offsets, times and
 * header values, the dead-letter topics' list, show and redrive, with dead letters shaped
 * exactly as the services write them, and replays of stopped and running groups through
 * the control topic.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SagactlIntegrationTests {

	/** What a command printed and how it exited. */
	record Run(int exitCode, String out, String err) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TopicPartition CONTROL = new TopicPartition(Topics.CONTROL, 0);

	private final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 6, "order.created",
			"order.created.dlq");

	private final String orderId = UUID.randomUUID().toString();

	private Instant secondRecordTime;

	@BeforeAll
	void produceOrdersAndADeadLetter() throws Exception {
		this.broker.afterPropertiesSet();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			Instant base = Instant.now().minus(Duration.ofHours(1));
			for (int i = 0; i < 3; i++) {
				String value = "{\"orderId\":\"" + this.orderId + "\",\"n\":" + i + "}";
				producer
					.send(new ProducerRecord<>("order.created", 2, base.plusSeconds(60L * i).toEpochMilli(),
							utf8(this.orderId), utf8(value), new RecordHeaders().add("ce_type", utf8("order.created"))))
					.get();
			}
			this.secondRecordTime = base.plusSeconds(60);
			RecordHeaders headers = new RecordHeaders();
			headers.add(new RecordHeader("kafka_dlt-original-topic", utf8("order.created")));
			headers.add(new RecordHeader("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(2).array()));
			headers.add(new RecordHeader("kafka_dlt-original-offset", ByteBuffer.allocate(8).putLong(7).array()));
			headers.add(new RecordHeader("kafka_dlt-original-consumer-group", utf8("inventory-service")));
			headers.add(new RecordHeader("kafka_dlt-exception-fqcn",
					utf8("dev.ordersaga.messaging.kafka.UnreadableEventException")));
			headers.add(new RecordHeader("kafka_dlt-exception-message", utf8("missing header ce_id")));
			headers.add(new RecordHeader("saga-attempts", utf8("1")));
			producer
				.send(new ProducerRecord<>("order.created.dlq", 2, null, utf8(this.orderId),
						new byte[] { 0, (byte) 0xff, 42 }, headers))
				.get();
		}
	}

	@AfterAll
	void stopBroker() {
		this.broker.destroy();
	}

	@Test
	void readsAPartitionFromAnOffsetAsJsonLines() {
		Run run = sagactl("read", "order.created", "--partition", "2", "--from-offset", "1");
		assertThat(run.exitCode()).isZero();
		List<String> lines = run.out().lines().toList();
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0)).contains("\"topic\":\"order.created\"", "\"partition\":2", "\"offset\":1",
				"\"key\":\"" + this.orderId + "\"", "\"ce_type\":\"order.created\"", "\"value\":{\"orderId\"");
	}

	@Test
	void readsFromATime() {
		Run run = sagactl("read", "order.created", "--from-time", this.secondRecordTime.toString());
		assertThat(run.out().lines().toList()).hasSize(2).allMatch((line) -> !line.contains("\"n\":0"));
	}

	@Test
	void refusesAnOffsetOutsideThePartition() {
		Run run = sagactl("read", "order.created", "--partition", "2", "--from-offset", "99");
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.err()).contains("offset 99 is outside partition 2 of order.created, which holds offsets 0 to 3");
	}

	@Test
	void anOffsetNeedsAPartitionAndAnUnknownTopicIsNamed() {
		assertThat(sagactl("read", "order.created", "--from-offset", "0").exitCode()).isEqualTo(2);
		Run unknown = sagactl("read", "no.such.topic");
		assertThat(unknown.exitCode()).isEqualTo(1);
		assertThat(unknown.err()).contains("unknown topic 'no.such.topic'");
	}

	@Test
	void listsTopicsWithTheirOffsets() {
		Run run = sagactl("topics", "--json");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out())
			.contains("{\"topic\":\"order.created\",\"partitions\":6,\"startOffset\":0,\"endOffset\":3,\"records\":3");
	}

	@Test
	void listsTheDeadLetterTopicsByExceptionAndGroup() {
		Run run = sagactl("dlq", "list");
		assertThat(run.exitCode()).isZero();
		assertThat(run.out()).containsPattern("order\\.created\\.dlq +\\d+ records?, oldest ")
			.contains("UnreadableEventException=1")
			.containsPattern("by consumer group: \\{inventory-service=\\d+\\}");
	}

	@Test
	void showsDeadLettersWithDecodedHeadersAndABase64Value() {
		Run run = sagactl("dlq", "show", "order.created.dlq", "--exception", "Unreadable", "--order", this.orderId);
		assertThat(run.exitCode()).isZero();
		assertThat(run.out().lines().toList()).singleElement()
			.asString()
			.contains("\"kafka_dlt-original-partition\":2", "\"kafka_dlt-original-offset\":7",
					"\"kafka_dlt-original-consumer-group\":\"inventory-service\"", "\"value\":\"AP8q\"",
					"\"valueEncoding\":\"base64\"");
		assertThat(sagactl("dlq", "show", "order.created.dlq", "--exception", "Timeout").out()).isEmpty();
		assertThat(sagactl("dlq", "show", "order.created").exitCode()).isEqualTo(2);
	}

	@Test
	void redrivesADeadLetterOnceWithItsLineageAndOnlyWhenAskedTo() throws Exception {
		String key = UUID.randomUUID().toString();
		long deadOffset = deadLetter(key, 3, null).offset();

		Run plan = sagactl("dlq", "redrive", "order.created.dlq", "--order", key);
		assertThat(plan.out()).contains("would   order.created.dlq-3@" + deadOffset + " -> order.created-3",
				"dry run: nothing was sent");
		assertThat(sagactl("read", "order.created", "--partition", "3", "--key", key).out()).isEmpty();

		Run sent = sagactl("dlq", "redrive", "order.created.dlq", "--order", key, "--group", "inventory-service",
				"--execute");
		assertThat(sent.out()).contains("sent    order.created.dlq-3@" + deadOffset, "for inventory-service only");
		List<String> copies = sagactl("read", "order.created", "--partition", "3", "--key", key).out().lines().toList();
		assertThat(copies).singleElement()
			.asString()
			.contains("\"saga-redrive-of\":\"order.created.dlq-3@" + deadOffset + "\"", "\"saga-redrive-count\":\"1\"",
					"\"saga-redrive-for\":\"inventory-service\"", "\"ce_type\":\"order.created\"")
			.doesNotContain("kafka_dlt-", "saga-attempts");

		Run again = sagactl("dlq", "redrive", "order.created.dlq", "--order", key, "--execute");
		assertThat(again.out()).contains("skip    order.created.dlq-3@" + deadOffset, "redriven 0, skipped 1");
	}

	@Test
	void refusesAnEventRedrivenTooOften() throws Exception {
		String key = UUID.randomUUID().toString();
		deadLetter(key, 4, "3");
		Run run = sagactl("dlq", "redrive", "order.created.dlq", "--order", key, "--execute");
		assertThat(run.out()).contains("redriven 3 times already (--max-redrives 3)", "refused 1");
		assertThat(sagactl("read", "order.created", "--partition", "4", "--key", key).out()).isEmpty();
	}

	/**
	 * A dead letter as the services write it; returns where it is on order.created.dlq
	 * and its timestamp.
	 */
	private RecordMetadata deadLetter(String key, int partition, String redriveCount) throws Exception {
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			RecordHeaders headers = new RecordHeaders();
			headers.add("ce_type", utf8("order.created"));
			headers.add("kafka_dlt-original-topic", utf8("order.created"));
			headers.add("kafka_dlt-original-partition", ByteBuffer.allocate(4).putInt(partition).array());
			headers.add("kafka_dlt-original-consumer-group", utf8("inventory-service"));
			headers.add("kafka_dlt-exception-fqcn", utf8("dev.ordersaga.messaging.inbox.RetriesExhaustedException"));
			headers.add("saga-attempts", utf8("4"));
			if (redriveCount != null) {
				headers.add("saga-redrive-count", utf8(redriveCount));
			}
			return producer
				.send(new ProducerRecord<>("order.created.dlq", partition, null, utf8(key),
						utf8("{\"orderId\":\"" + key + "\"}"), headers))
				.get();
		}
	}

	@Test
	void selectsDeadLettersByTheTimeTheyWereDeadLetteredWithTheUntilTimeExcluded() throws Exception {
		String key = UUID.randomUUID().toString();
		RecordMetadata dead = deadLetter(key, 5, null);
		String at = Instant.ofEpochMilli(dead.timestamp()).toString();
		String future = Instant.now().plus(Duration.ofHours(1)).toString();
		String past = Instant.ofEpochMilli(dead.timestamp()).minus(Duration.ofHours(1)).toString();

		Run sinceFuture = sagactl("dlq", "show", "order.created.dlq", "--order", key, "--since", future);
		assertThat(sinceFuture.exitCode()).isZero();
		assertThat(sinceFuture.out()).isEmpty();
		assertThat(sagactl("dlq", "show", "order.created.dlq", "--order", key, "--until", future).out().lines())
			.singleElement()
			.asString()
			.contains("\"partition\":5", "\"offset\":" + dead.offset(), "\"key\":\"" + key + "\"");
		assertThat(sagactl("dlq", "show", "order.created.dlq", "--order", key, "--since", at, "--until", future).out()
			.lines()).hasSize(1);
		assertThat(sagactl("dlq", "show", "order.created.dlq", "--order", key, "--since", past, "--until", at).out())
			.isEmpty();

		String id = "order.created.dlq-5@" + dead.offset();
		Run nothingSince = sagactl("dlq", "redrive", "order.created.dlq", "--order", key, "--since", future);
		assertThat(nothingSince.exitCode()).isZero();
		assertThat(nothingSince.out()).doesNotContain(id)
			.contains("would redrive 0, skipped 0 (redriven before), refused 0");
		Run planUntil = sagactl("dlq", "redrive", "order.created.dlq", "--order", key, "--until", future);
		assertThat(planUntil.out()).contains("would   " + id + " -> order.created-5", "would redrive 1, skipped 0",
				"dry run: nothing was sent");
		assertThat(sagactl("dlq", "redrive", "order.created.dlq", "--order", key, "--until", at).out())
			.doesNotContain(id)
			.contains("would redrive 0");
	}

	@Test
	void aMalformedDeadLetterTimeIsAUsageErrorNamingTheOption() {
		Run show = sagactl("dlq", "show", "order.created.dlq", "--since", "yesterday");
		assertThat(show.exitCode()).isEqualTo(2);
		assertThat(show.err()).contains("--since: 'yesterday' is not an ISO-8601 time");
		assertThat(show.out()).isEmpty();
		Run redrive = sagactl("dlq", "redrive", "order.created.dlq", "--until", "2026-11-22 10:00", "--execute");
		assertThat(redrive.exitCode()).isEqualTo(2);
		assertThat(redrive.err()).contains("--until: '2026-11-22 10:00' is not an ISO-8601 time");
		assertThat(redrive.out()).doesNotContain("sent ");
	}

	@Test
	void readsOnlyTheRecordsWhoseHeadersHaveTheGivenValues() throws Exception {
		String topic = "headers-" + UUID.randomUUID();
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), Optional.empty()))).all().get();
		}
		try (KafkaProducer<byte[], byte[]> producer = producer()) {
			producer
				.send(new ProducerRecord<>(topic, 0, null, utf8("a"), utf8("{\"n\":\"a\"}"),
						new RecordHeaders().add("ce_type", utf8("order.created"))
							.add("ce_source", utf8("order-service"))))
				.get();
			producer
				.send(new ProducerRecord<>(topic, 0, null, utf8("b"), utf8("{\"n\":\"b\"}"),
						new RecordHeaders().add("ce_type", utf8("order.created")).add("ce_source", utf8("elsewhere"))))
				.get();
			producer
				.send(new ProducerRecord<>(topic, 0, null, utf8("c"), utf8("{\"n\":\"c\"}"),
						new RecordHeaders().add("ce_type", utf8("order.cancelled"))))
				.get();
			producer.send(new ProducerRecord<>(topic, 0, utf8("d"), utf8("{\"n\":\"d\"}"))).get();
		}
		assertThat(sagactl("read", topic).out().lines()).hasSize(4);

		Run created = sagactl("read", topic, "--header", "ce_type=order.created");
		assertThat(created.exitCode()).isZero();
		assertThat(created.out().lines().toList()).hasSize(2)
			.allMatch((line) -> line.contains("\"ce_type\":\"order.created\""))
			.anyMatch((line) -> line.contains("\"key\":\"a\""))
			.anyMatch((line) -> line.contains("\"key\":\"b\""));
		assertThat(
				sagactl("read", topic, "--header", "ce_type=order.created", "--header", "ce_source=order-service").out()
					.lines())
			.singleElement()
			.asString()
			.contains("\"key\":\"a\"");
		Run none = sagactl("read", topic, "--header", "ce_type=order.rejected");
		assertThat(none.exitCode()).isZero();
		assertThat(none.out()).isEmpty();
		assertThat(
				sagactl("read", "order.created", "--partition", "2", "--header", "ce_type=order.created").out().lines())
			.hasSize(3);
		assertThat(sagactl("read", "order.created", "--partition", "2", "--header", "ce_type=order.confirmed").out())
			.isEmpty();
	}

	@Test
	void replaysAStoppedGroupByRewritingItsOffsetsAndARunningOneThroughTheControlTopic() throws Exception {
		String group = "replay-" + UUID.randomUUID();
		TopicPartition partition2 = new TopicPartition("order.created", 2);
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.assign(List.of(partition2));
			consumer.commitSync(Map.of(partition2, new OffsetAndMetadata(3)));
		}
		Map<Integer, Long> earliest = new TreeMap<>();
		IntStream.range(0, 6).forEach((partition) -> earliest.put(partition, 0L));

		Run plan = sagactl("replay", "--group", group, "--topic", "order.created", "--to-earliest");
		assertThat(plan.exitCode()).isZero();
		assertThat(plan.out()).containsPattern("\\n\\s+2\\s+3\\s+0\\s+3\\n").contains("dry run: nothing changed");
		assertThat(committed(group, partition2)).isEqualTo(3);
		assertThat(controlRecords(group)).isEmpty();

		Run moved = sagactl("replay", "--group", group, "--topic", "order.created", "--to-earliest", "--execute");
		assertThat(moved.exitCode()).isZero();
		assertThat(committed(group, partition2)).isZero();
		List<ConsumerRecord<byte[], byte[]>> records = controlRecords(group);
		assertThat(records).singleElement()
			.satisfies((record) -> assertThat(header(record, "ce_type")).isEqualTo(ControlTopic.REPLAY_COMMITTED));
		ReplayRequested recorded = JSON.readValue(records.get(0).value(), ReplayRequested.class);
		assertThat(recorded.group()).isEqualTo(group);
		assertThat(recorded.topic()).isEqualTo("order.created");
		assertThat(recorded.offsets()).isEqualTo(earliest);
		assertThat(recorded.requestedBy()).startsWith(System.getProperty("user.name"));
		assertThat(moved.out()).contains(
				"replay " + recorded.id() + ": " + group
						+ " has no running instance; its committed offsets on order.created were rewritten",
				"recorded on saga.control: by " + recorded.requestedBy());

		try (KafkaConsumer<byte[], byte[]> member = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			member.subscribe(List.of("order.created"));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				member.poll(Duration.ofMillis(200));
				return !member.assignment().isEmpty();
			});

			Instant asked = Instant.now();
			Run unanswered = sagactl("replay", "--group", group, "--topic", "order.created", "--to-earliest",
					"--execute", "--wait", "3");
			Duration waited = Duration.between(asked, Instant.now());
			assertThat(unanswered.exitCode()).isEqualTo(1);
			assertThat(unanswered.err())
				.contains("partitions [0, 1, 2, 3, 4, 5] of order.created were not seeked within 3 s");
			assertThat(waited).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(25));
			List<ConsumerRecord<byte[], byte[]>> requests = controlRecords(group).stream()
				.filter((record) -> ControlTopic.REPLAY_REQUESTED.equals(header(record, "ce_type")))
				.toList();
			assertThat(requests).hasSize(1);
			ReplayRequested request = JSON.readValue(requests.get(0).value(), ReplayRequested.class);
			assertThat(request.id()).isNotEqualTo(recorded.id());
			assertThat(request.group()).isEqualTo(group);
			assertThat(request.topic()).isEqualTo("order.created");
			assertThat(request.offsets()).isEqualTo(earliest);
			assertThat(request.requestedBy()).isNotBlank().startsWith(System.getProperty("user.name"));
			assertThat(request.requestedAt()).isAfterOrEqualTo(asked.truncatedTo(ChronoUnit.MILLIS));
			assertThat(unanswered.out()).contains("replay " + request.id() + ": asked the 1 running member(s) of "
					+ group + " to seek (recorded on saga.control by " + request.requestedBy());
			assertThat(unanswered.out()).doesNotContain(" done: ", "were rewritten");

			FutureTask<ReplayRequested> instance = answerReplayRequests(group, "test-instance@localhost:1");
			Run answered = sagactl("replay", "--group", group, "--topic", "order.created", "--to-offset", "1",
					"--partition", "2", "--execute", "--wait", "20");
			ReplayRequested answeredRequest = instance.get(30, TimeUnit.SECONDS);
			assertThat(answeredRequest.offsets()).isEqualTo(Map.of(2, 1L));
			assertThat(answered.exitCode()).isZero();
			assertThat(answered.err()).isEmpty();
			assertThat(answered.out())
				.contains("replay " + answeredRequest.id() + ": asked the 1 running member(s) of " + group,
						"  test-instance@localhost:1 seeked partitions [2]",
						"replay " + answeredRequest.id() + " done: " + group
								+ " consumes order.created again from the planned offsets")
				.doesNotContain("were rewritten");
		}
		assertThat(committed(group, partition2)).isZero();
		// without --partition the offset applies to every partition, and some hold none
		Run everyPartition = sagactl("replay", "--group", group, "--topic", "order.created", "--to-offset", "1");
		assertThat(everyPartition.exitCode()).isEqualTo(2);
		assertThat(everyPartition.err()).contains("offset 1 is outside partition", "of order.created");
	}

	@Test
	void refusesToReplayAnUnknownConsumerGroup() throws Exception {
		String group = "no-such-group-" + UUID.randomUUID();
		Run plan = sagactl("replay", "--group", group, "--topic", "order.created", "--to-earliest");
		assertThat(plan.exitCode()).isEqualTo(1);
		assertThat(plan.err()).contains("unknown consumer group '" + group + "'");
		assertThat(plan.out()).doesNotContain("replay plan");
		Run execute = sagactl("replay", "--group", group, "--topic", "order.created", "--to-earliest", "--execute");
		assertThat(execute.exitCode()).isEqualTo(1);
		assertThat(execute.err()).contains("unknown consumer group '" + group + "'");
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			assertThat(admin.listGroups().all().get()).noneMatch((listing) -> listing.groupId().equals(group));
		}
		assertThat(controlRecords(group)).isEmpty();
	}

	/**
	 * Acts as a running instance of the group: in the background, answers the next replay
	 * request for the group on the control topic by seeking every partition asked for;
	 * yields the request answered.
	 */
	private FutureTask<ReplayRequested> answerReplayRequests(String group, String instanceName) {
		KafkaConsumer<byte[], byte[]> control = consumer();
		control.assign(List.of(CONTROL));
		control.seekToEnd(List.of(CONTROL));
		control.position(CONTROL);
		FutureTask<ReplayRequested> task = new FutureTask<>(() -> {
			try (control; KafkaProducer<byte[], byte[]> producer = producer()) {
				long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (System.nanoTime() < deadline) {
					for (ConsumerRecord<byte[], byte[]> record : control.poll(Duration.ofMillis(200))) {
						if (!group.equals(new String(record.key(), StandardCharsets.UTF_8))
								|| !ControlTopic.REPLAY_REQUESTED.equals(header(record, "ce_type"))) {
							continue;
						}
						ReplayRequested request = JSON.readValue(record.value(), ReplayRequested.class);
						ReplaySeeked answer = new ReplaySeeked(request.id(), group, request.topic(), instanceName,
								request.offsets(), Instant.now());
						producer
							.send(new ProducerRecord<>(Topics.CONTROL, null, utf8(group),
									JSON.writeValueAsBytes(answer),
									new RecordHeaders().add("ce_type", utf8(ControlTopic.REPLAY_SEEKED))))
							.get();
						return request;
					}
				}
				throw new AssertionError("no replay request for " + group + " on " + Topics.CONTROL);
			}
		});
		Thread.ofPlatform().daemon().name("instance-of-" + group).start(task);
		return task;
	}

	/** What the control topic holds for a group, oldest first. */
	private List<ConsumerRecord<byte[], byte[]>> controlRecords(String group) {
		if (!topicExists(Topics.CONTROL)) {
			return List.of();
		}
		try (KafkaConsumer<byte[], byte[]> control = consumer()) {
			control.assign(List.of(CONTROL));
			control.seekToBeginning(List.of(CONTROL));
			long end = control.endOffsets(List.of(CONTROL)).get(CONTROL);
			List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				control.poll(Duration.ofMillis(200)).forEach(records::add);
				return control.position(CONTROL) >= end;
			});
			return records.stream()
				.filter((record) -> group.equals(new String(record.key(), StandardCharsets.UTF_8)))
				.toList();
		}
	}

	private boolean topicExists(String topic) {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			return admin.listTopics().names().get().contains(topic);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private KafkaConsumer<byte[], byte[]> consumer() {
		return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()),
				new ByteArrayDeserializer(), new ByteArrayDeserializer());
	}

	private KafkaProducer<byte[], byte[]> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}

	private long committed(String group, TopicPartition partition) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString()))) {
			return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().get(partition).offset();
		}
	}

	@Test
	void anUnreachableBrokerFailsWithinSeconds() {
		long started = System.nanoTime();
		Run run = sagactl("--version");
		assertThat(run.exitCode()).isZero();
		Run unreachable = new SagactlIntegrationTests.Runner("127.0.0.1:1").run("topics");
		assertThat(unreachable.exitCode()).isEqualTo(1);
		assertThat(unreachable.err()).contains("no answer from Kafka at 127.0.0.1:1");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
	}

	private Run sagactl(String... args) {
		return new Runner(this.broker.getBrokersAsString()).run(args);
	}

	/** Runs sagactl in this JVM against a broker, capturing what it prints. */
	record Runner(String bootstrap) {

		Run run(String... args) {
			StringWriter out = new StringWriter();
			StringWriter err = new StringWriter();
			CommandLine commandLine = Sagactl.commandLine();
			commandLine.setOut(new PrintWriter(out, true));
			commandLine.setErr(new PrintWriter(err, true));
			String[] withBootstrap = withBootstrap(args);
			int exit = commandLine.execute(withBootstrap);
			return new Run(exit, out.toString(), err.toString());
		}

		private String[] withBootstrap(String[] args) {
			if (args.length == 0 || args[0].startsWith("-")) {
				return args;
			}
			int commandWords = ("dlq".equals(args[0])) ? 2 : 1;
			String[] result = new String[args.length + 2];
			System.arraycopy(args, 0, result, 0, commandWords);
			result[commandWords] = "--bootstrap";
			result[commandWords + 1] = this.bootstrap;
			System.arraycopy(args, commandWords, result, commandWords + 2, args.length - commandWords);
			return result;
		}

	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
