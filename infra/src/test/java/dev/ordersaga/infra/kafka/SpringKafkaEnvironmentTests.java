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
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The client settings file becomes the environment variables Spring Boot binds to
 * {@code spring.kafka.properties.*}, without the bootstrap servers.
 */
class SpringKafkaEnvironmentTests {

	@TempDir
	Path directory;

	@Test
	void printsEachSettingAsTheVariableSpringBootBindsToSpringKafkaProperties() throws IOException {
		Path file = Files.write(this.directory.resolve("client.properties"),
				List.of("# the stack's login", "bootstrap.servers=elsewhere:9092", "security.protocol=SASL_SSL",
						"sasl.mechanism=SCRAM-SHA-512",
						"sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required \\",
						"    username=\"saga\" password=\"p=w \\\\d\";"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int exit = SpringKafkaEnvironment.run(new String[] { file.toString() },
				new PrintStream(out, true, StandardCharsets.UTF_8),
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

		assertThat(exit).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8).lines()).containsExactly(
				"SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG=org.apache.kafka.common.security.scram.ScramLoginModule "
						+ "required username=\"saga\" password=\"p=w \\d\";",
				"SPRING_KAFKA_PROPERTIES_SASL_MECHANISM=SCRAM-SHA-512",
				"SPRING_KAFKA_PROPERTIES_SECURITY_PROTOCOL=SASL_SSL");
	}

	@Test
	void refusesASettingNoVariableCanCarry() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpringKafkaEnvironment.variables(Map.of("sasl.login-class", "x")))
			.withMessageContaining("'sasl.login-class'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SpringKafkaEnvironment.variables(Map.of("sasl.jaas.config", "a\nb")))
			.withMessageContaining("spans lines");
	}

	@Test
	void aMissingFileIsAUsageErrorNamingIt() {
		Path missing = this.directory.resolve("client.properties");
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = SpringKafkaEnvironment.run(new String[] { missing.toString() },
				new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8))
			.isEqualTo("SpringKafkaEnvironment: no Kafka client settings file " + missing + System.lineSeparator());
	}

}
