package dev.ordersaga.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.SagaInfrastructure;

/**
 * One packaged service running as its own JVM process, the way {@code ./stack} runs it,
 * pointed at the test's Kafka, PostgreSQL and Redis.
 */
final class ServiceProcess {

	private static final Path ROOT = Path.of(System.getProperty("saga.jars.dir", ".."));

	private static final String VERSION = System.getProperty("saga.version", "0.1.0-SNAPSHOT");

	static final Duration DEADLINE = Duration.ofMinutes(2);

	private final String name;

	private final int port;

	private final Path log;

	private final HttpJson http;

	private Process process;

	ServiceProcess(String name) {
		this(name, name);
	}

	/**
	 * Another instance of a service, in the same consumer group: {@code instance} names
	 * its log.
	 */
	ServiceProcess(String name, String instance) {
		this.name = name;
		this.port = freePort();
		this.log = ROOT.resolve("e2e-tests/target/e2e-logs/" + instance + ".log");
		this.http = new HttpJson(url());
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	static Path root() {
		return ROOT;
	}

	static String version() {
		return VERSION;
	}

	String name() {
		return this.name;
	}

	HttpJson http() {
		return this.http;
	}

	Path log() {
		return this.log;
	}

	void start(SagaInfrastructure.Endpoints infra) {
		Path jar = ROOT.resolve(this.name + "/target/" + this.name + "-" + VERSION + ".jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("No jar at " + jar + ": package the services first (./mvnw verify does)");
		}
		String java = ProcessHandle.current().info().command().orElse("java");
		List<String> command = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-jar",
				jar.toString(), "--server.port=" + this.port,
				"--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers(),
				"--spring.datasource.url=" + infra.jdbcUrl(), "--spring.datasource.username=" + infra.dbUser(),
				"--spring.datasource.password=" + infra.dbPassword(), "--spring.data.redis.url=" + infra.redisUrl(),
				// a loaded 2-core machine restarts a service in up to a minute; orders
				// must outlive that
				"--saga.order.deadline=" + DEADLINE.toSeconds() + "s",
				// the operations test dead-letters an event by switching a fault on
				"--saga.faults.enabled=true"));
		try {
			Files.createDirectories(this.log.getParent());
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.name, ex);
		}
	}

	boolean isHealthy() {
		if (this.process == null || !this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is not running; see " + this.log);
		}
		try {
			return http().get("/actuator/health").status() == 200;
		}
		catch (IllegalStateException ex) {
			return false; // not listening yet
		}
	}

	/** SIGKILL: no shutdown hook, no graceful anything, as in a crash. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/** SIGTERM, then SIGKILL if it is still there after the timeout. */
	void stop(Duration timeout) {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
