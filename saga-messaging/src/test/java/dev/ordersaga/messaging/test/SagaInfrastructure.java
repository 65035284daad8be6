package dev.ordersaga.messaging.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Kafka, PostgreSQL and Redis that integration tests run against, started once
 * per test JVM. Where a Docker engine is reachable, all three run in Testcontainers;
 * elsewhere Kafka is spring-kafka-test's in-JVM KRaft broker and PostgreSQL and Redis are
 * the local servers ({@code SAGA_TEST_JDBC_URL}, {@code SAGA_TEST_DB_USER},
 * {@code SAGA_TEST_DB_PASSWORD}, {@code SAGA_TEST_REDIS_URL} override the defaults).
 * {@code SAGA_TEST_INFRA=local} or {@code containers} forces a mode. The same tests run
 * in both modes.
 */
public final class SagaInfrastructure {

	/**
	 * The local Redis's database 15, the suite's own: {@code ./stack} uses database 0, so
	 * a running stack and the tests never see (or delete) each other's keys.
	 */
	private static final String LOCAL_REDIS = "redis://127.0.0.1:6379/15";

	/** Where the infrastructure listens. */
	public record Endpoints(String kafkaBootstrapServers, String jdbcUrl, String dbUser, String dbPassword,
			String redisUrl) {
	}

	private static Endpoints endpoints;

	private static final Set<String> freshSchemas = new HashSet<>();

	private SagaInfrastructure() {
	}

	public static synchronized Endpoints endpoints() {
		if (endpoints == null) {
			endpoints = useContainers() ? startContainers() : startLocal();
		}
		return endpoints;
	}

	/**
	 * Points a service's context at the infrastructure. Its schema is dropped the first
	 * time in this JVM, so Flyway migrates it afresh and no earlier run's rows remain.
	 */
	public static void register(DynamicPropertyRegistry registry, String schema) {
		register(registry, schema, Map.of());
	}

	/**
	 * Like {@link #register(DynamicPropertyRegistry, String)}, with some properties
	 * replaced.
	 */
	public static void register(DynamicPropertyRegistry registry, String schema, Map<String, String> overrides) {
		Endpoints infra = endpoints();
		dropSchemaOnce(infra, schema);
		Map<String, String> properties = new java.util.LinkedHashMap<>();
		properties.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
		properties.put("spring.datasource.url", infra.jdbcUrl());
		properties.put("spring.datasource.username", infra.dbUser());
		properties.put("spring.datasource.password", infra.dbPassword());
		properties.put("spring.data.redis.url", infra.redisUrl());
		// a free management port of its own (suites run in parallel), and health's
		// details, which the outage tests read
		properties.put("management.server.port", "0");
		properties.put("management.endpoint.health.show-details", "always");
		// the services trust the test key; ServiceIntegrationTest's clients carry its
		// tokens
		properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens.publicKeyLocation());
		// every trace recorded, for the tests that follow one (RecordedSpans)
		properties.put("management.tracing.sampling.probability", "1.0");
		properties.putAll(overrides);
		properties.forEach((name, value) -> registry.add(name, () -> value));
	}

	private static boolean useContainers() {
		String mode = System.getenv().getOrDefault("SAGA_TEST_INFRA", "auto");
		return switch (mode) {
			case "local" -> false;
			case "containers" -> true;
			default -> dockerAvailable();
		};
	}

	private static boolean dockerAvailable() {
		boolean configured = System.getenv("DOCKER_HOST") != null
				|| java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock")) || java.nio.file.Files
					.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker", "run", "docker.sock"));
		if (!configured) {
			return false; // no engine to ask; skips Testcontainers' noisy search
		}
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	private static Endpoints startLocal() {
		EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 6);
		kafka.brokerProperties(Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0",
				"offsets.topic.num.partitions", "6"));
		kafka.afterPropertiesSet();
		Runtime.getRuntime().addShutdownHook(new Thread(kafka::destroy));
		String jdbcUrl = env("SAGA_TEST_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/saga_test");
		String user = env("SAGA_TEST_DB_USER", "postgres");
		String password = env("SAGA_TEST_DB_PASSWORD", "");
		TestDatabase.ensureExists(jdbcUrl, user, password);
		return new Endpoints(kafka.getBrokersAsString(), jdbcUrl, user, password,
				env("SAGA_TEST_REDIS_URL", LOCAL_REDIS));
	}

	@SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
	private static Endpoints startContainers() {
		KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
		PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:15-alpine");
		GenericContainer<?> redis = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
		kafka.start();
		postgres.start();
		redis.start();
		return new Endpoints(kafka.getBootstrapServers(), postgres.getJdbcUrl(), postgres.getUsername(),
				postgres.getPassword(), "redis://" + redis.getHost() + ":" + redis.getMappedPort(6379));
	}

	private static void dropSchemaOnce(Endpoints infra, String schema) {
		synchronized (freshSchemas) {
			if (!freshSchemas.add(schema)) {
				return;
			}
		}
		try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists \"" + schema + "\" cascade");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot reset schema " + schema + " at " + infra.jdbcUrl(), ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

}
