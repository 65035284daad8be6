package dev.ordersaga.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.ordersaga.messaging.test.TestTokens;
import org.jspecify.annotations.Nullable;

/**
 * Runs the packaged {@code sagactl} (ops-cli) against the running saga, as an operator
 * would.
 */
final class Sagactl {

	/** What a run printed and how it exited. */
	record Run(int exitCode, String output) {
	}

	/**
	 * What a load run printed on stdout (its report) and on stderr, and how it exited.
	 */
	record Load(int exitCode, String report, String errors) {
	}

	private static @Nullable Path signingKey;

	private Sagactl() {
	}

	/** The tests' private key in a file, where {@code sagactl} reads it. */
	static synchronized Path signingKey() {
		if (signingKey == null) {
			try {
				Path file = Files.createTempFile("e2e-token-signing", ".pem");
				file.toFile().deleteOnExit();
				TestTokens.writePrivateKey(file);
				signingKey = file;
			}
			catch (IOException ex) {
				throw new IllegalStateException("Cannot write the signing key", ex);
			}
		}
		return signingKey;
	}

	static Run verify(RunningSaga saga, String... options) {
		List<String> args = new ArrayList<>(List.of("verify", "--orders", saga.orders.url(), "--inventory",
				saga.inventory.url(), "--payment", saga.payment.url(), "--notification", saga.notification.url(),
				"--analytics", saga.analytics.url(), "--deadline", ServiceProcess.DEADLINE.toSeconds() + "s"));
		args.addAll(List.of(options));
		return run(args);
	}

	/**
	 * Runs {@code sagactl load MODE} against the running saga's services and broker: the
	 * report (stdout) apart from what it said on stderr.
	 */
	static Load load(RunningSaga saga, String mode, String... options) {
		List<String> args = new ArrayList<>(List.of("load", mode, "--orders-url", saga.orders.url(), "--inventory",
				saga.inventory.url(), "--payment", saga.payment.url(), "--orders-management",
				saga.orders.managementUrl(), "--inventory-management", saga.inventory.managementUrl(),
				"--payment-management", saga.payment.managementUrl(), "--notification-management",
				saga.notification.managementUrl(), "--analytics-management", saga.analytics.managementUrl(),
				"--bootstrap", saga.infra.kafkaBootstrapServers()));
		args.addAll(List.of(options));
		Printed printed = execute(args, false);
		return new Load(printed.exitCode(), printed.out(), printed.err());
	}

	static Run run(List<String> args) {
		Printed printed = execute(args, true);
		return new Run(printed.exitCode(), printed.out());
	}

	/** What a process printed, stderr merged into stdout or apart. */
	private record Printed(int exitCode, String out, String err) {
	}

	private static Printed execute(List<String> args, boolean mergeErr) {
		Path jar = ServiceProcess.root().resolve("ops-cli/target/ops-cli-" + ServiceProcess.version() + ".jar");
		List<String> command = new ArrayList<>(
				List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
		command.addAll(args);
		try {
			Path output = Files.createTempFile("sagactl", ".out");
			Path errors = Files.createTempFile("sagactl", ".err");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(mergeErr)
				.redirectOutput(output.toFile())
				.redirectError(errors.toFile());
			// sagactl signs its operator token with the tests' key, as it does with
			// ./stack's
			builder.environment().remove("SAGA_TOKEN");
			builder.environment().put("SAGA_SIGNING_KEY", signingKey().toString());
			Process process = builder.start();
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("sagactl " + args + " did not finish");
			}
			Printed printed = new Printed(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
					Files.readString(errors, StandardCharsets.UTF_8));
			Files.delete(output);
			Files.delete(errors);
			return printed;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot run sagactl", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
