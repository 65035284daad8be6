package dev.ordersaga.ops;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.ScramKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * sagactl against a broker that requires a login (SASL/SCRAM): with the login in
 * {@code --command-config} its admin, consumers and producers work as against any broker;
 * with a wrong password, or without a login, it fails in one line that says what to fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginIntegrationTests {

	/** What a command printed and how it exited. */
	record Run(int exitCode, String out, String err) {
	}

	private final ScramKafkaBroker broker = ScramKafkaBroker.shared();

	private final String orderId = UUID.randomUUID().toString();

	@TempDir
	Path directory;

	/** Through the PLAINTEXT listener: one record on order.created. */
	@BeforeAll
	void putAnOrderOnOrderCreated() throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.plaintextBootstrapServers()))) {
			if (!admin.listTopics().names().get().contains(Topics.ORDER_CREATED)) {
				admin.createTopics(List.of(new NewTopic(Topics.ORDER_CREATED, Optional.of(6), Optional.empty())))
					.all()
					.get();
			}
		}
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.plaintextBootstrapServers()),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			producer
				.send(new ProducerRecord<>(Topics.ORDER_CREATED, 1, utf8(this.orderId),
						utf8("{\"orderId\":\"" + this.orderId + "\"}")))
				.get();
		}
	}

	@Test
	void listsTopicsAndReadsRecordsWithTheLoginOfCommandConfig() throws IOException {
		Path login = clientProperties(this.broker.login());

		Run topics = sagactl("topics", "--command-config", login.toString());
		assertThat(topics.exitCode()).as(topics.err()).isZero();
		assertThat(topics.out()).contains(Topics.ORDER_CREATED);

		Run read = sagactl("read", Topics.ORDER_CREATED, "--key", this.orderId, "--command-config", login.toString());
		assertThat(read.exitCode()).as(read.err()).isZero();
		assertThat(read.out().lines()).singleElement().asString().contains("\"key\":\"" + this.orderId + "\"");
	}

	@Test
	void replaysAStoppedGroupWithTheLoginOfCommandConfig() throws Exception {
		String group = "login-replay-" + UUID.randomUUID();
		TopicPartition partition = new TopicPartition(Topics.ORDER_CREATED, 1);
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.plaintextBootstrapServers()))) {
			long end = admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
				.partitionResult(partition)
				.get()
				.offset();
			admin.alterConsumerGroupOffsets(group, Map.of(partition, new OffsetAndMetadata(end))).all().get();
		}

		Run replay = sagactl("replay", "--group", group, "--topic", Topics.ORDER_CREATED, "--to-earliest", "--execute",
				"--command-config", clientProperties(this.broker.login()).toString());

		assertThat(replay.exitCode()).as(replay.err()).isZero();
		assertThat(replay.out()).contains("its committed offsets on " + Topics.ORDER_CREATED + " were rewritten",
				"recorded on " + Topics.CONTROL);
	}

	@Test
	void aWrongPasswordFailsSayingTheBrokerRefusedTheLogin() throws IOException {
		Path wrong = clientProperties(this.broker.loginWithPassword("not-the-password"));

		Run run = sagactl("topics", "--command-config", wrong.toString());

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).isEqualTo("sagactl: Kafka at " + this.broker.scramBootstrapServers()
				+ " refused the login (SaslAuthenticationException: Authentication failed during authentication "
				+ "due to invalid credentials with SASL mechanism " + ScramKafkaBroker.MECHANISM
				+ "): check --command-config " + wrong + "\n");
	}

	@Test
	void withoutALoginItSaysTheBrokerMayRequireOne() {
		long started = System.nanoTime();

		Run run = sagactl("topics");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).startsWith("sagactl: no answer from Kafka at " + this.broker.scramBootstrapServers())
			.contains("It may require a login", "--command-config FILE");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
	}

	/** Runs sagactl in this JVM against the listener that requires the login. */
	private Run sagactl(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		CommandLine commandLine = Sagactl.commandLine();
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		String[] withBootstrap = new String[args.length + 2];
		System.arraycopy(args, 0, withBootstrap, 0, args.length);
		withBootstrap[args.length] = "--bootstrap";
		withBootstrap[args.length + 1] = this.broker.scramBootstrapServers();
		int exit = commandLine.execute(withBootstrap);
		return new Run(exit, out.toString(), err.toString().replace(System.lineSeparator(), "\n"));
	}

	private Path clientProperties(Map<String, String> settings) throws IOException {
		return Files.writeString(Files.createTempFile(this.directory, "client", ".properties"),
				settings.entrySet()
					.stream()
					.map((setting) -> setting.getKey() + "=" + setting.getValue().replace("\\", "\\\\"))
					.collect(Collectors.joining("\n")));
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
