package dev.ordersaga.infra.kafka;

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

/**
 * Creates every topic of {@link Topics#partitionsByTopic}, leaving those that exist
 * alone. The services create them too at start-up; running this first means no consumer
 * ever starts on a missing topic.
 *
 * <p>
 * Usage: {@code CreateTopics BOOTSTRAP_SERVERS [PARTITIONS]} (default 6).
 */
public final class CreateTopics {

	private CreateTopics() {
	}

	public static void main(String[] args) throws InterruptedException {
		if (args.length < 1) {
			System.err.println("usage: CreateTopics BOOTSTRAP_SERVERS [PARTITIONS]");
			System.exit(2);
		}
		int partitions = (args.length > 1) ? Integer.parseInt(args[1]) : 6;
		Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, args[0],
				AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
				10_000);
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
			System.out.println(
					"topics: " + missing.size() + " created, " + (wanted.size() - missing.size()) + " already there");
		}
		catch (ExecutionException | TimeoutException ex) {
			System.err.println("Cannot create topics on " + args[0] + ": " + ex.getMessage());
			System.exit(1);
		}
	}

}
