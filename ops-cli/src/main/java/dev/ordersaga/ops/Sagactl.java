package dev.ordersaga.ops;

import dev.ordersaga.ops.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sagactl}: the saga's operator CLI. Exit codes: 0 done, 1 failed, 2 usage.
 */
@Command(name = "sagactl", mixinStandardHelpOptions = true, version = "sagactl 0.1.0",
		description = "Operates the order saga.", subcommands = { VerifyCommand.class })
public final class Sagactl implements Runnable {

	@Spec
	private CommandSpec spec;

	private Sagactl() {
	}

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "Missing command: see sagactl --help");
	}

	public static void main(String[] args) {
		CommandLine commandLine = new CommandLine(new Sagactl());
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
			if (ex instanceof IllegalArgumentException) {
				line.getErr().println("sagactl: " + ex.getMessage());
				return 2;
			}
			throw ex;
		});
		System.exit(commandLine.execute(args));
	}

}
