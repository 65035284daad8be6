package dev.ordersaga.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged {@code sagactl} (ops-cli) against the running saga, as an operator
 * would.
 */
final class Sagactl {

	/** What a run printed and how it exited. */
	record Run(int exitCode, String output) {
	}

	private Sagactl() {
	}

	static Run verify(RunningSaga saga, String... options) {
		List<String> args = new ArrayList<>(List.of("verify", "--orders", saga.orders.url(), "--inventory",
				saga.inventory.url(), "--payment", saga.payment.url(), "--notification", saga.notification.url(),
				"--analytics", saga.analytics.url(), "--deadline", ServiceProcess.DEADLINE.toSeconds() + "s"));
		args.addAll(List.of(options));
		return run(args);
	}

	static Run run(List<String> args) {
		Path jar = ServiceProcess.root().resolve("ops-cli/target/ops-cli-" + ServiceProcess.version() + ".jar");
		List<String> command = new ArrayList<>(
				List.of(ProcessHandle.current().info().command().orElse("java"), "-jar", jar.toString()));
		command.addAll(args);
		try {
			Path output = Files.createTempFile("sagactl", ".out");
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(2, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new IllegalStateException("sagactl " + args + " did not finish");
			}
			String printed = Files.readString(output, StandardCharsets.UTF_8);
			Files.delete(output);
			return new Run(process.exitValue(), printed);
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
