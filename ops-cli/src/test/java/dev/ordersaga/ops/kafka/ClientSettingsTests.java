package dev.ordersaga.ops.kafka;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.ordersaga.ops.Sagactl;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The settings of {@code --command-config} reach every Kafka client sagactl opens, over
 * the clients' own defaults, while {@code --bootstrap} wins over the file; a file that
 * cannot be read is a usage error naming it. No broker is needed: Kafka's clients are
 * built without contacting one.
 */
class ClientSettingsTests {

	@TempDir
	Path directory;

	@Test
	void theBootstrapOfTheCommandLineWinsOverTheFileWhichWinsOverTheDefaults() throws IOException {
		Path file = write("bootstrap.servers=elsewhere:9092", "sasl.mechanism=SCRAM-SHA-512",
				"request.timeout.ms=60000");

		Map<String, Object> config = ClientSettings.read("kafka:9093", file)
			.forClient(Map.of(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 5000,
					CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));

		assertThat(config)
			.containsExactlyInAnyOrderEntriesOf(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "kafka:9093",
					SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512", CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, "60000",
					CommonClientConfigs.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000));
	}

	@Test
	void withoutAFileTheClientsHaveTheirDefaultsAndTheBootstrap() {
		assertThat(ClientSettings.of("kafka:9092").forClient(Map.of(ProducerConfig.ACKS_CONFIG, "all"))).isEqualTo(
				Map.of(ProducerConfig.ACKS_CONFIG, "all", CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "kafka:9092"));
	}

	@Test
	void everyKindOfClientTakesTheFile() throws IOException {
		Path file = write("metric.reporters=" + ConfigRecorder.class.getName(), "sasl.mechanism=SCRAM-SHA-256",
				"bootstrap.servers=elsewhere:9092");
		ConfigRecorder.CONFIGS.clear();

		try (KafkaAccess access = new KafkaAccess(ClientSettings.read("127.0.0.1:1", file))) {
			access.consumer().close();
			access.producer().close();
			access.producer(Map.of(ProducerConfig.LINGER_MS_CONFIG, 5)).close();
		}

		assertThat(ConfigRecorder.CONFIGS).hasSize(4)
			.allSatisfy((config) -> assertThat(config).containsEntry(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-256")
				.containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"));
		assertThat(ConfigRecorder.CONFIGS)
			.anySatisfy(
					(admin) -> assertThat(admin).containsEntry(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))
			.anySatisfy(
					(consumer) -> assertThat(consumer).containsEntry(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"))
			.anySatisfy((producer) -> assertThat(producer).containsEntry(ProducerConfig.ACKS_CONFIG, "all"))
			.anySatisfy((yardstick) -> assertThat(yardstick).containsEntry(ProducerConfig.LINGER_MS_CONFIG, 5));
	}

	@Test
	void aMissingFileIsAUsageErrorNamingIt() {
		Path missing = this.directory.resolve("client.properties");

		StringWriter err = new StringWriter();
		CommandLine sagactl = Sagactl.commandLine();
		sagactl.setErr(new PrintWriter(err, true));
		sagactl.setOut(new PrintWriter(new StringWriter(), true));
		int exit = sagactl.execute("topics", "--bootstrap", "127.0.0.1:1", "--command-config", missing.toString());

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString()).isEqualTo("sagactl: --command-config " + missing + ": no such file\n");
	}

	@Test
	void aFileThatCannotBeReadIsAUsageErrorNamingIt() {
		assertThat(catchThrowableOfType(IllegalArgumentException.class,
				() -> ClientSettings.read("kafka:9092", this.directory)))
			.hasMessageStartingWith("--command-config " + this.directory + ": cannot read it (");
	}

	private Path write(String... lines) throws IOException {
		return Files.write(this.directory.resolve("client.properties"), List.of(lines));
	}

	/** A metrics reporter: Kafka's clients hand it their configuration when built. */
	public static final class ConfigRecorder implements MetricsReporter {

		static final List<Map<String, Object>> CONFIGS = new CopyOnWriteArrayList<>();

		@Override
		public void configure(Map<String, ?> config) {
			CONFIGS.add(Map.copyOf(config));
		}

		@Override
		public void init(List<KafkaMetric> metrics) {
		}

		@Override
		public void metricChange(KafkaMetric metric) {
		}

		@Override
		public void metricRemoval(KafkaMetric metric) {
		}

		@Override
		public void close() {
		}

	}

}
