package dev.ordersaga.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.Channels;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import dev.ordersaga.client.ServiceCallFailed;
import dev.ordersaga.infra.database.ServiceRoles;
import dev.ordersaga.messaging.test.HttpJson;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.TestTokens;

/**
 * One packaged service running as its own JVM process, the way {@code ./stack} runs it,
 * pointed at the test's Kafka, PostgreSQL and Redis.
 */
final class ServiceProcess {

	private static final Path ROOT = Path.of(System.getProperty("saga.jars.dir", ".."));

	private static final String VERSION = System.getProperty("saga.version", "0.1.0-SNAPSHOT");

	static final Duration DEADLINE = Duration.ofMinutes(2);

	/** How many lines of a dead process's log its failure quotes. */
	private static final int LAST_WORDS = 40;

	private static final int FIRST_PORT = 20000;

	private static final int LAST_PORT = 32000;

	/** The ports this JVM gave its services, each once. */
	private static final Set<Integer> HANDED_OUT = new HashSet<>();

	/** The services whose jar this JVM extracted already. */
	private static final Set<String> EXTRACTED = new HashSet<>();

	private final String name;

	private final String instance;

	private final Map<String, String> settings;

	private final int port;

	private final int managementPort;

	private final Path log;

	private final HttpJson http;

	private final HttpJson management;

	private Process process;

	/** Where in the log the current process's output starts. */
	private long startedAt;

	ServiceProcess(String name) {
		this(name, name);
	}

	/**
	 * Another instance of a service, in the same consumer group: {@code instance} names
	 * its log.
	 */
	ServiceProcess(String name, String instance) {
		this(name, instance, Map.of());
	}

	/**
	 * Another instance of a service with some settings of its own, e.g.
	 * {@code saga.order.deadline}.
	 */
	ServiceProcess(String name, String instance, Map<String, String> settings) {
		this.name = name;
		this.instance = instance;
		this.settings = Map.copyOf(settings);
		this.port = freePort();
		this.managementPort = freePort();
		this.log = ROOT.resolve("e2e-tests/target/e2e-logs/" + instance + ".log");
		// an operator's token on every call; a test that plays a customer swaps it
		this.http = new HttpJson(url()).withToken(TestTokens.operator());
		this.management = new HttpJson(managementUrl()).withToken(TestTokens.operator());
	}

	String url() {
		return "http://localhost:" + this.port;
	}

	/** Where actuator answers: health, metrics, the fault switch. */
	String managementUrl() {
		return "http://127.0.0.1:" + this.managementPort;
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

	/** Which instance this is: its log's name and its Kafka consumers' client id. */
	String instance() {
		return this.instance;
	}

	HttpJson http() {
		return this.http;
	}

	/** Actuator's HTTP API, on the management port. */
	HttpJson management() {
		return this.management;
	}

	Path log() {
		return this.log;
	}

	void start(SagaInfrastructure.Endpoints infra) {
		String java = ProcessHandle.current().info().command().orElse("java");
		Path jar = extracted(java, this.name);
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("server.port", String.valueOf(this.port));
		properties.put("management.server.port", String.valueOf(this.managementPort));
		properties.put("spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers());
		properties.put("spring.datasource.url", infra.jdbcUrl());
		// its own role, which owns its schema only (RunningSaga creates it)
		properties.put("spring.datasource.username", ServiceRoles.roleOf(RunningSaga.SCHEMAS.get(this.name)));
		properties.put("spring.datasource.password", infra.dbPassword());
		properties.put("spring.data.redis.url", infra.redisUrl());
		// a loaded 2-core machine restarts a service in up to a minute; orders must
		// outlive that
		properties.put("saga.order.deadline", DEADLINE.toSeconds() + "s");
		// the operations test dead-letters an event by switching a fault on
		properties.put("saga.faults.enabled", "true");
		// security is on, as in production: tokens are signed by the tests' key
		properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location", TestTokens.publicKeyLocation());
		// tells the members of a consumer group apart, as the broker lists them
		properties.put("spring.kafka.consumer.client-id", this.instance);
		properties.putAll(this.settings);
		// the bean set computed at build time (Spring AOT), as ./stack runs the
		// services: every setting above is read at run time, none decides which beans
		// exist
		List<String> command = new ArrayList<>(List.of(java, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
				"-XX:TieredStopAtLevel=1", "-Dspring.aot.enabled=true", "-jar", jar.toString()));
		properties.forEach((property, value) -> command.add("--" + property + "=" + value));
		try {
			Files.createDirectories(this.log.getParent());
			this.startedAt = logSize();
			this.process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.appendTo(this.log.toFile()))
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start " + this.name, ex);
		}
	}

	/**
	 * The service's jar extracted into plain jars on a class path, as {@code ./stack}
	 * runs it: a JVM starts from it on about 40 % less CPU than from the nested jar
	 * (measured with order-service on C1: 9.3 s against 15.4 s), and the suite starts
	 * services a dozen times. Extracted once per test JVM, from the jar the build just
	 * packaged.
	 */
	private static synchronized Path extracted(String java, String name) {
		Path packaged = ROOT.resolve(name + "/target/" + name + "-" + VERSION + ".jar");
		if (!Files.isRegularFile(packaged)) {
			throw new IllegalStateException(
					"No jar at " + packaged + ": package the services first (./mvnw verify does)");
		}
		Path destination = ROOT.resolve("e2e-tests/target/services/" + name);
		Path jar = destination.resolve(packaged.getFileName());
		if (!EXTRACTED.contains(name)) {
			extract(java, packaged, destination, jar);
			EXTRACTED.add(name);
		}
		return jar;
	}

	private static void extract(String java, Path packaged, Path destination, Path jar) {
		Path log = ROOT.resolve("e2e-tests/target/e2e-logs/" + destination.getFileName() + ".extract.log");
		try {
			Files.createDirectories(log.getParent());
			Process extract = new ProcessBuilder(java, "-Djarmode=tools", "-jar", packaged.toString(), "extract",
					"--force", "--destination", destination.toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			if (!extract.waitFor(2, TimeUnit.MINUTES) || extract.exitValue() != 0 || !Files.isRegularFile(jar)) {
				extract.destroyForcibly();
				throw new IllegalStateException("Cannot extract " + packaged + " into " + destination + ": "
						+ Files.readString(log, StandardCharsets.UTF_8));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot extract " + packaged, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while extracting " + packaged, ex);
		}
	}

	/**
	 * A counter (or a sum) from the service's Prometheus page, over all its tags; 0
	 * before it was first counted.
	 */
	double metric(String name) {
		HttpJson.Response page = this.management.getText("/actuator/prometheus");
		if (page.status() != 200) {
			throw new IllegalStateException(page.call() + " answered " + page.status());
		}
		return page.body()
			.asString()
			.lines()
			.filter((line) -> line.startsWith(name + "{") || line.startsWith(name + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
			.sum();
	}

	/** What the log says from the given offset (in bytes) on. */
	String logFrom(long offset) {
		try (SeekableByteChannel channel = Files.newByteChannel(this.log)) {
			channel.position(offset);
			return new String(Channels.newInputStream(channel).readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** How long the log is now, in bytes: where to read what happens next. */
	long logSize() {
		try {
			return Files.exists(this.log) ? Files.size(this.log) : 0;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	boolean isHealthy() {
		if (this.process == null) {
			throw new IllegalStateException(this.name + " was not started");
		}
		if (!this.process.isAlive()) {
			throw new IllegalStateException(this.name + " is not running (exit code " + this.process.exitValue()
					+ "); see " + this.log + ". It said last:\n" + lastWords());
		}
		try {
			return management().get("/actuator/health").status() == 200;
		}
		catch (ServiceCallFailed ex) {
			return false; // not listening yet
		}
	}

	/**
	 * The last lines the current process logged, without stack frames: where a failed
	 * start says why (Boot's failure analysis, the causes), so that a build's output
	 * tells it when the log file is gone with the build machine.
	 */
	private String lastWords() {
		List<String> lines = logFrom(this.startedAt).lines()
			.filter((line) -> !line.stripLeading().startsWith("at ") && !line.stripLeading().startsWith("..."))
			.toList();
		return String.join("\n", lines.subList(Math.max(0, lines.size() - LAST_WORDS), lines.size()));
	}

	/** SIGKILL: no shutdown hook, no graceful anything, as in a crash. */
	void kill() throws InterruptedException {
		this.process.destroyForcibly();
		if (!this.process.waitFor(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException(this.instance + " outlived SIGKILL");
		}
	}

	/**
	 * Writes the threads of the running process, virtual ones too, to a new file beside
	 * its log ({@code jcmd Thread.dump_to_file}); its path, or empty if there was no
	 * dump.
	 */
	Optional<Path> dumpThreads() {
		if (!isRunning()) {
			return Optional.empty();
		}
		Path dump = this.log.resolveSibling(this.instance + "-threads-" + System.currentTimeMillis() + ".txt");
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		try {
			Process run = new ProcessBuilder(jcmd.toString(), String.valueOf(this.process.pid()), "Thread.dump_to_file",
					"-format=text", dump.toString())
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			boolean done = run.waitFor(30, TimeUnit.SECONDS) && run.exitValue() == 0;
			return (done && Files.exists(dump)) ? Optional.of(dump) : Optional.empty();
		}
		catch (IOException ex) {
			return Optional.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Optional.empty();
		}
	}

	/**
	 * SIGSTOP: the process freezes as in a long pause or a lost network, holding its
	 * connections; the broker drops its consumers after their session timeout.
	 */
	void pause() {
		signal("STOP");
	}

	/** SIGCONT: a paused process goes on where it stopped. */
	void resume() {
		signal("CONT");
	}

	private void signal(String name) {
		try {
			Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(this.process.pid())).inheritIO()
				.start();
			if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
				throw new IllegalStateException("kill -" + name + " " + this.instance + " failed");
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	boolean isRunning() {
		return this.process != null && this.process.isAlive();
	}

	/** SIGTERM, without waiting for the process to end. */
	void terminate() {
		if (this.process != null) {
			this.process.destroy();
		}
	}

	/**
	 * SIGTERM, then SIGKILL if it is still there after the timeout; returns once the
	 * process is gone, so that a start after it finds the port free.
	 */
	void stop(Duration timeout) {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		try {
			if (!this.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
				kill();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.process.destroyForcibly();
		}
	}

	/**
	 * A port no one listens on, below every common ephemeral range (Linux starts at
	 * 32768, macOS and Windows at 49152) and never handed out twice by this JVM: an
	 * ephemeral port, as {@code new ServerSocket(0)} gives, is free only until the
	 * process binds it, and meanwhile any outgoing connection of the machine may take it
	 * (as after a kill, before the restart binds the port again).
	 */
	private static synchronized int freePort() {
		int span = LAST_PORT - FIRST_PORT + 1;
		int start = ThreadLocalRandom.current().nextInt(span);
		for (int i = 0; i < span; i++) {
			int port = FIRST_PORT + (start + i) % span;
			if (!HANDED_OUT.contains(port) && bindable(port)) {
				HANDED_OUT.add(port);
				return port;
			}
		}
		throw new IllegalStateException("No free port between " + FIRST_PORT + " and " + LAST_PORT);
	}

	private static boolean bindable(int port) {
		try (ServerSocket socket = new ServerSocket()) {
			socket.bind(new InetSocketAddress(port));
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

}
