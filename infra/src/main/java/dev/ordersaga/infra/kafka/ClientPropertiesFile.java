package dev.ordersaga.infra.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A file of Kafka client settings (security.protocol, sasl.*, ssl.*), the properties file
 * Kafka's own tools take with {@code --command-config}; {@code ./stack} names it with
 * {@code KAFKA_COMMAND_CONFIG}.
 */
final class ClientPropertiesFile {

	private ClientPropertiesFile() {
	}

	/**
	 * The settings, by name.
	 * @throws IllegalArgumentException naming the file when it cannot be read
	 */
	static Map<String, String> read(Path file) {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalArgumentException("no Kafka client settings file " + file);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("cannot read the Kafka client settings in " + file + " (" + ex + ")");
		}
		Map<String, String> settings = new TreeMap<>();
		properties.stringPropertyNames().forEach((name) -> settings.put(name, properties.getProperty(name)));
		return settings;
	}

}
