package dev.ordersaga.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.ScramKafkaBroker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CreateTopics against a broker that requires a login (SASL/SCRAM): it logs in with the
 * client settings file that {@code ./stack} passes, and says what to fix when the login
 * is refused or missing.
 */
class CreateTopicsIntegrationTests {

	/** What CreateTopics printed and how it exited. */
	record Run(int exitCode, String out, String err) {
	}

	private final ScramKafkaBroker broker = ScramKafkaBroker.shared();

	@TempDir
	Path directory;

	@Test
	void createsTheTopicsLoggingInWithTheClientSettingsFile() throws Exception {
		Run run = createTopics(clientProperties(this.broker.login()));

		assertThat(run.exitCode()).as(run.err()).isZero();
		assertThat(run.out()).startsWith("topics: ");
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.broker.plaintextBootstrapServers()))) {
			assertThat(admin.listTopics().names().get()).containsAll(Topics.partitionsByTopic(2).keySet());
		}
	}

	@Test
	void aWrongPasswordFailsSayingTheBrokerRefusedTheLogin() throws IOException {
		Path wrong = clientProperties(this.broker.loginWithPassword("not-the-password"));

		Run run = createTopics(wrong);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).isEqualTo("Cannot create topics on " + this.broker.scramBootstrapServers()
				+ ": the broker refused the login (SaslAuthenticationException: Authentication failed during "
				+ "authentication due to invalid credentials with SASL mechanism " + ScramKafkaBroker.MECHANISM
				+ "): check the settings in " + wrong + " (KAFKA_COMMAND_CONFIG)" + System.lineSeparator());
	}

	@Test
	void settingsWithoutTheLoginTimeOutSayingSo() throws IOException {
		Path noLogin = clientProperties(Map.of(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000",
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000"));

		Run run = createTopics(noLogin);

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.err()).contains("Cannot create topics on " + this.broker.scramBootstrapServers(),
				"no answer in time: is the broker running, and do the settings in " + noLogin
						+ " (KAFKA_COMMAND_CONFIG) match its listener (security.protocol)?");
	}

	private Run createTopics(Path clientProperties) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		int exit = CreateTopics.run(
				new String[] { this.broker.scramBootstrapServers(), "2", clientProperties.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
		return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
	}

	private Path clientProperties(Map<String, String> settings) throws IOException {
		Map<String, String> escaped = new HashMap<>();
		settings.forEach((name, value) -> escaped.put(name, value.replace("\\", "\\\\")));
		return Files.writeString(Files.createTempFile(this.directory, "client", ".properties"),
				escaped.entrySet()
					.stream()
					.map((setting) -> setting.getKey() + "=" + setting.getValue())
					.collect(Collectors.joining("\n")));
	}

}
