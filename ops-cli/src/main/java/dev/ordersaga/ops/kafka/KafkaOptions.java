package dev.ordersaga.ops.kafka;

import picocli.CommandLine.Option;

/** {@code --bootstrap}, shared by every command that talks to Kafka. */
public final class KafkaOptions {

	@Option(names = "--bootstrap", paramLabel = "HOST:PORT",
			defaultValue = "${env:KAFKA_BOOTSTRAP_SERVERS:-localhost:9092}",
			description = "Kafka bootstrap servers; default $KAFKA_BOOTSTRAP_SERVERS or localhost:9092")
	private String bootstrap;

	public KafkaAccess connect() {
		return new KafkaAccess(this.bootstrap);
	}

}
