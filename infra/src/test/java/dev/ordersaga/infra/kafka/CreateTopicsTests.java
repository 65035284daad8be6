package dev.ordersaga.infra.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's settings come from its timeouts, the client settings file and the bootstrap
 * servers, in that order; a file that cannot be read is a usage error naming it, before
 * any broker is asked.
 */
class CreateTopicsTests {

	@TempDir
	Path directory;

	@Test
	void theBootstrapArgumentWinsOverTheFileWhichWinsOverTheTimeouts() throws IOException {
		Path file = Files.write(this.directory.resolve("client.properties"),
				List.of("bootstrap.servers=elsewhere:9092", "security.protocol=SASL_SSL", "request.timeout.ms=30000"));

		assertThat(CreateTopics.adminConfig("kafka:9093", file)).isEqualTo(Map.of("bootstrap.servers", "kafka:9093",
				"security.protocol", "SASL_SSL", "request.timeout.ms", "30000", "default.api.timeout.ms", 15_000));
	}

	@Test
	void withoutAFileTheAdminHasItsTimeoutsAndTheBootstrap() {
		assertThat(CreateTopics.adminConfig("kafka:9092", null)).isEqualTo(Map.of("bootstrap.servers", "kafka:9092",
				"request.timeout.ms", 10_000, "default.api.timeout.ms", 15_000));
	}

	@Test
	void aMissingFileIsAUsageErrorNamingIt() {
		Path missing = this.directory.resolve("client.properties");
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = CreateTopics.run(new String[] { "127.0.0.1:1", "6", missing.toString() },
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.isEqualTo("CreateTopics: no Kafka client settings file " + missing + System.lineSeparator());
	}

	@Test
	void partitionsAreANumber() {
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = CreateTopics.run(new String[] { "127.0.0.1:1", "six" },
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("CreateTopics: PARTITIONS is a number, not 'six'");
	}

}
