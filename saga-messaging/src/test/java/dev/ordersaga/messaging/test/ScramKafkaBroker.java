package dev.ordersaga.messaging.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.security.auth.SecurityProtocol;
import org.apache.kafka.common.security.scram.ScramLoginModule;
import org.apache.kafka.common.test.api.TestKitDefaults;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.awaitility.Awaitility.await;

/**
 * A Kafka broker that requires a login, for the tests of clients that must log in: an
 * in-JVM KRaft broker with a SASL/SCRAM-SHA-256 listener, and a PLAINTEXT listener for
 * the tests' own set-up and checks. One user exists, {@value #USER}, with a password made
 * up at start. Started once per test JVM, on first use, and stopped when the JVM ends; it
 * is a broker of its own, beside {@link SagaInfrastructure}'s.
 *
 * <p>
 * A service's context logs in with {@link #serviceProperties()} (give them to
 * {@link SagaInfrastructure#register(org.springframework.test.context.DynamicPropertyRegistry, String, Map)}
 * as overrides); {@link #servicePropertiesWithPassword(String)} tries a wrong password.
 */
public final class ScramKafkaBroker {

	/** The one user. */
	public static final String USER = "saga";

	public static final String MECHANISM = ScramMechanism.SCRAM_SHA_256.mechanismName();

	/** The listener that requires the login. */
	private static final String SCRAM_LISTENER = "SCRAM";

	private static ScramKafkaBroker shared;

	private final EmbeddedKafkaKraftBroker broker;

	private final String password = UUID.randomUUID().toString();

	private final String scramBootstrapServers;

	private ScramKafkaBroker() {
		this.broker = new EmbeddedKafkaKraftBroker(1, 6);
		// a system property of its own: the default (spring.kafka.bootstrap-servers)
		// would point every Spring context of the JVM at this broker
		this.broker.brokerListProperty("saga.test.scram-kafka.plaintext-bootstrap-servers");
		String plaintext = TestKitDefaults.DEFAULT_BROKER_LISTENER_NAME;
		String controller = TestKitDefaults.DEFAULT_CONTROLLER_LISTENER_NAME;
		String prefix = ListenerName.normalised(SCRAM_LISTENER).configPrefix();
		this.broker.brokerProperties(Map.of("listeners",
				plaintext + "://localhost:0," + SCRAM_LISTENER + "://localhost:0," + controller + "://localhost:0",
				"listener.security.protocol.map",
				plaintext + ":PLAINTEXT," + SCRAM_LISTENER + ":" + SecurityProtocol.SASL_PLAINTEXT.name + ","
						+ controller + ":PLAINTEXT",
				prefix + "sasl.enabled.mechanisms", MECHANISM,
				prefix + MECHANISM.toLowerCase(Locale.ROOT) + "." + SaslConfigs.SASL_JAAS_CONFIG,
				ScramLoginModule.class.getName() + " required;", "auto.create.topics.enable", "false",
				"group.initial.rebalance.delay.ms", "0", "offsets.topic.num.partitions", "6"));
		this.broker.afterPropertiesSet();
		int port = this.broker.getCluster()
			.brokers()
			.values()
			.iterator()
			.next()
			.boundPort(ListenerName.normalised(SCRAM_LISTENER));
		this.scramBootstrapServers = "localhost:" + port;
	}

	/** The broker, started on first use with its user. */
	public static synchronized ScramKafkaBroker shared() {
		if (shared == null) {
			ScramKafkaBroker started = new ScramKafkaBroker();
			Runtime.getRuntime().addShutdownHook(new Thread(started.broker::destroy));
			started.createUser();
			shared = started;
		}
		return shared;
	}

	/** The listener that requires the login. */
	public String scramBootstrapServers() {
		return this.scramBootstrapServers;
	}

	/**
	 * The PLAINTEXT listener: for a test's set-up and checks, never for the client under
	 * test.
	 */
	public String plaintextBootstrapServers() {
		return this.broker.getBrokersAsString();
	}

	/**
	 * Kafka client properties that log in as {@value #USER}: {@code security.protocol},
	 * {@code sasl.mechanism} and {@code sasl.jaas.config}, without the bootstrap servers.
	 */
	public Map<String, String> login() {
		return loginWithPassword(this.password);
	}

	/** Like {@link #login()}, with another password. */
	public Map<String, String> loginWithPassword(String password) {
		return Map.of(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SecurityProtocol.SASL_PLAINTEXT.name,
				SaslConfigs.SASL_MECHANISM, MECHANISM, SaslConfigs.SASL_JAAS_CONFIG, ScramLoginModule.class.getName()
						+ " required username=\"" + USER + "\" password=\"" + password + "\";");
	}

	/**
	 * A service's Spring properties for the listener that requires the login, logging in
	 * as {@value #USER}: {@code spring.kafka.bootstrap-servers} and
	 * {@code spring.kafka.properties.*}, which every Kafka client of the service takes.
	 */
	public static Map<String, String> serviceProperties() {
		return shared().springProperties(shared().login());
	}

	/** Like {@link #serviceProperties()}, with another password. */
	public static Map<String, String> servicePropertiesWithPassword(String password) {
		return shared().springProperties(shared().loginWithPassword(password));
	}

	private Map<String, String> springProperties(Map<String, String> login) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", this.scramBootstrapServers);
		login.forEach((name, value) -> properties.put("spring.kafka.properties." + name, value));
		return properties;
	}

	/**
	 * Creates the user through the PLAINTEXT listener, then waits until the SCRAM
	 * listener lets it in: the broker learns of credentials from the metadata log, a
	 * moment later.
	 */
	private void createUser() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrapServers()))) {
			admin
				.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(USER,
						new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_256, 4096), this.password)))
				.all()
				.get(30, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create the SCRAM user " + USER, ex);
		}
		Map<String, Object> loggingIn = new LinkedHashMap<>(login());
		loggingIn.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.scramBootstrapServers);
		try (Admin admin = Admin.create(loggingIn)) {
			await().atMost(Duration.ofSeconds(30))
				.ignoreExceptions()
				.until(() -> admin.listTopics().names().get(5, TimeUnit.SECONDS) != null);
		}
	}

}
