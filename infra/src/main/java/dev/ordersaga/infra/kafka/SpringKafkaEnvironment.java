package dev.ordersaga.infra.kafka;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Prints the Kafka client settings of a file as the environment variables that a Spring
 * Boot service binds to {@code spring.kafka.properties.*}, which every Kafka client of
 * the service takes: {@code sasl.jaas.config=...} as
 * {@code SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG=...}, one per line. {@code ./stack}
 * exports them, so the services log in with the file that sagactl and CreateTopics read
 * ({@code KAFKA_COMMAND_CONFIG}). Environment variables rather than arguments, which
 * every local user sees in {@code ps}. {@code bootstrap.servers} is left out: the
 * services are told where the broker is apart ({@code KAFKA_BOOTSTRAP_SERVERS}).
 *
 * <p>
 * Usage: {@code SpringKafkaEnvironment CLIENT_PROPERTIES}. Exit codes: 0 done, 2 a file
 * that cannot be read, or a setting no environment variable can carry.
 */
public final class SpringKafkaEnvironment {

	/**
	 * Kafka's client settings are lowercase words joined by dots; from an environment
	 * variable's name Spring Boot recovers no other.
	 */
	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(\\.[a-z0-9]+)*");

	private SpringKafkaEnvironment() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 1) {
			err.println("usage: SpringKafkaEnvironment CLIENT_PROPERTIES");
			return 2;
		}
		try {
			variables(ClientPropertiesFile.read(Path.of(args[0]))).forEach(out::println);
			return 0;
		}
		catch (IllegalArgumentException ex) {
			err.println("SpringKafkaEnvironment: " + ex.getMessage());
			return 2;
		}
	}

	/**
	 * The settings as {@code NAME=VALUE} lines.
	 * @throws IllegalArgumentException for a setting no environment variable can carry
	 */
	static List<String> variables(Map<String, String> settings) {
		List<String> variables = new ArrayList<>();
		settings.forEach((name, value) -> {
			if (name.equals(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
				return;
			}
			if (!NAME.matcher(name).matches()) {
				throw new IllegalArgumentException("'" + name + "' is not a Kafka client setting a service can take "
						+ "from its environment (lowercase words joined by dots)");
			}
			if (value.contains("\n") || value.contains("\r") || value.contains("\0")) {
				throw new IllegalArgumentException("the value of " + name + " spans lines: write it on one");
			}
			variables.add("SPRING_KAFKA_PROPERTIES_" + name.toUpperCase(Locale.ROOT).replace('.', '_') + "=" + value);
		});
		return variables;
	}

}
