package dev.ordersaga.ops;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import picocli.CommandLine;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read-only commands of sagactl against a real broker: topics, read from offsets and
 * times, and the dead-letter topics' list and show, with a dead letter shaped exactly as
 * the services write them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SagactlIntegrationTests {

	/** What a command printed and how it exited. */
	record Run(int exitCode, String out, String err) {
	}

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
		long deadOffset = deadLetter(key, 3, null);

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
	 * A dead letter as the services write it; returns its offset on order.created.dlq.
	 */
	private long deadLetter(String key, int partition, String redriveCount) throws Exception {
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
				.get()
				.offset();
		}
	}

	@Test
	void replaysAStoppedGroupAfterShowingThePlanAndRefusesAnActiveOne() throws Exception {
		String group = "replay-" + UUID.randomUUID();
		TopicPartition partition2 = new TopicPartition("order.created", 2);
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.getBrokersAsString(),
				ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.assign(List.of(partition2));
			consumer.commitSync(Map.of(partition2, new OffsetAndMetadata(3)));
		}

		Run plan = sagactl("replay", "--group", group, "--topic", "order.created", "--to-earliest");
		assertThat(plan.exitCode()).isZero();
		assertThat(plan.out()).containsPattern("\\n\\s+2\\s+3\\s+0\\s+3\\n").contains("dry run: nothing changed");
		assertThat(committed(group, partition2)).isEqualTo(3);

		Run moved = sagactl("replay", "--group", group, "--topic", "order.created", "--to-earliest", "--execute");
		assertThat(moved.out()).contains("moved " + group + " on order.created (6 partitions)");
		assertThat(committed(group, partition2)).isZero();

		try (KafkaConsumer<byte[], byte[]> member = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			member.subscribe(List.of("order.created"));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				member.poll(Duration.ofMillis(200));
				return !member.assignment().isEmpty();
			});
			Run refused = sagactl("replay", "--group", group, "--topic", "order.created", "--to-offset", "1",
					"--partition", "2", "--execute");
			assertThat(refused.exitCode()).isEqualTo(1);
			assertThat(refused.err()).contains("has 1 active member(s): stop its service");
		}
		assertThat(sagactl("replay", "--group", group, "--topic", "order.created", "--to-offset", "1").exitCode())
			.isEqualTo(2);
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
		assertThat(unreachable.err()).contains("cannot reach Kafka at 127.0.0.1:1");
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
