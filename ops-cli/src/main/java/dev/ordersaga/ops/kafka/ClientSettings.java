package dev.ordersaga.ops.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;
import org.jspecify.annotations.Nullable;

/**
 * What every Kafka client of a run is configured with, merged here and nowhere else: the
 * client's own defaults (sagactl's timeouts, a producer's acks), overridden by the file
 * of {@code --command-config} (security.protocol, sasl.*, ssl.*: any client setting, in
 * the properties file Kafka's own tools take), and the bootstrap servers of
 * {@code --bootstrap}, which win over the file.
 */
public final class ClientSettings {

	private final String bootstrap;

	private final @Nullable Path file;

	private final Map<String, String> fromFile;

	private ClientSettings(String bootstrap, @Nullable Path file, Map<String, String> fromFile) {
		this.bootstrap = bootstrap;
		this.file = file;
		this.fromFile = Map.copyOf(fromFile);
	}

	/** The bootstrap servers alone: a broker that needs no login. */
	public static ClientSettings of(String bootstrap) {
		return new ClientSettings(bootstrap, null, Map.of());
	}

	/**
	 * The bootstrap servers and the settings in a properties file.
	 * @throws IllegalArgumentException naming the file when it cannot be read
	 */
	public static ClientSettings read(String bootstrap, Path file) {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		catch (NoSuchFileException ex) {
			throw new IllegalArgumentException("--command-config " + file + ": no such file");
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new IllegalArgumentException("--command-config " + file + ": cannot read it (" + ex + ")");
		}
		Map<String, String> settings = new HashMap<>();
		properties.stringPropertyNames().forEach((name) -> settings.put(name, properties.getProperty(name)));
		return new ClientSettings(bootstrap, file, settings);
	}

	public String bootstrap() {
		return this.bootstrap;
	}

	/** The file of {@code --command-config}, if one was given. */
	public Optional<Path> file() {
		return Optional.ofNullable(this.file);
	}

	/**
	 * A client's configuration: its defaults, then the file's settings, then the
	 * bootstrap servers.
	 */
	public Map<String, Object> forClient(Map<String, ?> defaults) {
		Map<String, Object> config = new HashMap<>(defaults);
		config.putAll(this.fromFile);
		config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, this.bootstrap);
		return config;
	}

}
