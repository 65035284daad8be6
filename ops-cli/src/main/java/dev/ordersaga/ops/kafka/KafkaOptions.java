package dev.ordersaga.ops.kafka;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code --bootstrap} and {@code --command-config}, shared by every command that talks to
 * Kafka.
 */
public final class KafkaOptions {

	@Option(names = "--bootstrap", paramLabel = "HOST:PORT",
			defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
			description = "Kafka bootstrap servers; default $KAFKA_BOOTSTRAP_SERVERS or localhost:9092")
	private String bootstrap;

	@Option(names = "--command-config", paramLabel = "FILE", defaultValue = "${env:KAFKA_COMMAND_CONFIG}",
			description = { "Kafka client settings for every client sagactl opens, as Kafka's own tools take them: "
					+ "a properties file with security.protocol, sasl.mechanism, sasl.jaas.config, "
					+ "ssl.truststore.location, ... (--bootstrap wins over its bootstrap.servers); "
					+ "default $KAFKA_COMMAND_CONFIG" })
	private @Nullable String commandConfig;

	public KafkaAccess connect() {
		return new KafkaAccess(settings());
	}

	/**
	 * The settings the clients start from.
	 * @throws IllegalArgumentException when the file cannot be read
	 */
	ClientSettings settings() {
		if (this.commandConfig == null || this.commandConfig.isBlank()) {
			return ClientSettings.of(this.bootstrap);
		}
		return ClientSettings.read(this.bootstrap, Path.of(this.commandConfig));
	}

}
