package dev.ordersaga.infra.kafka;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.ordersaga.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.AuthenticationException;
import org.jspecify.annotations.Nullable;

/**
 * Creates every topic of {@link Topics#partitionsByTopic}, leaving those that exist
 * alone. The services create them too at start-up; running this first means no consumer
 * ever starts on a missing topic.
 *
 * <p>
 * Usage: {@code CreateTopics BOOTSTRAP_SERVERS [PARTITIONS [CLIENT_PROPERTIES]]} (default
 * 6 partitions). CLIENT_PROPERTIES is a file of Kafka client settings (security.protocol,
 * sasl.*, ssl.*) as Kafka's own tools take with {@code --command-config};
 * BOOTSTRAP_SERVERS wins over its bootstrap.servers. An empty argument counts as none, so
 * {@code ./stack} passes {@code "$KAFKA_COMMAND_CONFIG"} whether it is set or not. Exit
 * codes: 0 done, 1 failed, 2 usage.
 */
public final class CreateTopics {

	private static final String USAGE = "usage: CreateTopics BOOTSTRAP_SERVERS [PARTITIONS [CLIENT_PROPERTIES]]";

	private CreateTopics() {
	}

	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length < 1 || args.length > 3) {
			err.println(USAGE);
			return 2;
		}
		String bootstrap = args[0];
		Path file = (args.length > 2 && !args[2].isBlank()) ? Path.of(args[2]) : null;
		int partitions;
		Map<String, Object> config;
		try {
			partitions = (args.length > 1) ? partitions(args[1]) : 6;
			config = adminConfig(bootstrap, file);
		}
		catch (IllegalArgumentException ex) {
			err.println("CreateTopics: " + ex.getMessage());
			return 2;
		}
		try (Admin admin = Admin.create(config)) {
			Set<String> existing = admin.listTopics().names().get(20, TimeUnit.SECONDS);
			List<NewTopic> wanted = Topics.partitionsByTopic(partitions)
				.entrySet()
				.stream()
				.map((topic) -> new NewTopic(topic.getKey(), Optional.of(topic.getValue()), Optional.empty()))
				.toList();
			List<NewTopic> missing = wanted.stream().filter((topic) -> !existing.contains(topic.name())).toList();
			if (!missing.isEmpty()) {
				admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
			}
			out.println(
					"topics: " + missing.size() + " created, " + (wanted.size() - missing.size()) + " already there");
			return 0;
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			err.println("Cannot create topics on " + bootstrap + ": " + explain(cause, file));
			return 1;
		}
		catch (TimeoutException ex) {
			err.println("Cannot create topics on " + bootstrap + ": " + explain(ex, file));
			return 1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

	private static int partitions(String text) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("PARTITIONS is a number, not '" + text + "'\n" + USAGE);
		}
	}

	/**
	 * The admin's settings: its timeouts, then the file's settings, then the bootstrap
	 * servers, which win.
	 * @throws IllegalArgumentException naming the file when it cannot be read
	 */
	static Map<String, Object> adminConfig(String bootstrap, @Nullable Path file) {
		Map<String, Object> config = new HashMap<>();
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
		if (file != null) {
			config.putAll(ClientPropertiesFile.read(file));
		}
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
		return config;
	}

	/**
	 * Why the broker would not serve. One whose listener requires a login (SASL) or TLS
	 * drops a client without one, which then only times out: so a timeout names the
	 * settings as well as the broker.
	 */
	private static String explain(Throwable failure, @Nullable Path file) {
		if (failure instanceof AuthenticationException) {
			return "the broker refused the login (" + failure.getClass().getSimpleName() + ": " + failure.getMessage()
					+ "): check the settings in " + file + " (KAFKA_COMMAND_CONFIG)";
		}
		if (failure instanceof TimeoutException || failure instanceof org.apache.kafka.common.errors.TimeoutException) {
			return "no answer in time: is the broker running" + ((file != null)
					? ", and do the settings in " + file
							+ " (KAFKA_COMMAND_CONFIG) match its listener (security.protocol)?"
					: "? It may require a login, and drop clients without one: set KAFKA_COMMAND_CONFIG "
							+ "to a file of its client settings");
		}
		return String.valueOf(failure.getMessage());
	}

}
