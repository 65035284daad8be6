package dev.ordersaga.infra.kafka;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import kafka.Kafka;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/**
 * Runs a real single-node Apache Kafka broker in KRaft mode (broker and controller in one
 * process), built from the Kafka jars on Maven Central. On first start it formats its
 * storage; afterwards it starts from the data it has. Kafka's own shutdown hook stops it
 * cleanly on SIGTERM.
 *
 * <p>
 * Usage: {@code LocalKafkaBroker [home]} (default {@code var/kafka}); the port comes from
 * {@code -Dkafka.port} (default 9092), the controller's from
 * {@code -Dkafka.controller.port} (default 9093), the default partition count from
 * {@code -Dkafka.partitions} (default 6).
 */
public final class LocalKafkaBroker {

	private LocalKafkaBroker() {
	}

	public static void main(String[] args) throws IOException {
		Path home = Path.of((args.length > 0) ? args[0] : "var/kafka").toAbsolutePath();
		Path data = home.resolve("data");
		Files.createDirectories(data);
		Path config = home.resolve("server.properties");
		Files.writeString(config, serverProperties(data, Integer.getInteger("kafka.port", 9092),
				Integer.getInteger("kafka.controller.port", 9093), Integer.getInteger("kafka.partitions", 6)));
		if (!Files.exists(data.resolve("meta.properties"))) {
			int formatted = StorageTool.execute(new String[] { "format", "--standalone", "--cluster-id",
					Uuid.randomUuid().toString(), "--config", config.toString() }, System.out);
			if (formatted != 0) {
				System.err.println("Could not format Kafka storage in " + data);
				System.exit(formatted);
			}
		}
		Kafka.main(new String[] { config.toString() });
	}

	static String serverProperties(Path data, int port, int controllerPort, int partitions) {
		return """
				# Written by LocalKafkaBroker at every start; edit the launcher, not this file.
				process.roles=broker,controller
				node.id=1
				controller.quorum.bootstrap.servers=127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				log.dirs=%3$s
				num.partitions=%4$d
				auto.create.topics.enable=false
				offsets.topic.replication.factor=1
				offsets.topic.num.partitions=6
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				log.retention.hours=168
				""".formatted(port, controllerPort, data, partitions);
	}

}
