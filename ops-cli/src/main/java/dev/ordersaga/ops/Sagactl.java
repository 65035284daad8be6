package dev.ordersaga.ops;

import dev.ordersaga.client.ServiceCallFailed;
import dev.ordersaga.ops.analytics.AnalyticsCommand;
import dev.ordersaga.ops.dlq.DlqCommand;
import dev.ordersaga.ops.load.LoadCommand;
import dev.ordersaga.ops.read.ReadCommand;
import dev.ordersaga.ops.replay.ReplayCommand;
import dev.ordersaga.ops.token.TokenCommand;
import dev.ordersaga.ops.topics.TopicsCommand;
import dev.ordersaga.ops.verify.VerifyCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code sagactl}: the saga's operator CLI. Exit codes: 0 done, 1 failed, 2 usage.
 */
@Command(name = "sagactl", mixinStandardHelpOptions = true, versionProvider = SagactlVersion.class,
		description = "Operates the order saga.",
		subcommands = { TopicsCommand.class, ReadCommand.class, ReplayCommand.class, DlqCommand.class,
				AnalyticsCommand.class, LoadCommand.class, VerifyCommand.class, TokenCommand.class })
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
		System.exit(commandLine().execute(args));
	}

	/** The command line with its error handling: usage errors exit 2, failures 1. */
	public static CommandLine commandLine() {
		CommandLine commandLine = new CommandLine(new Sagactl());
		commandLine.setExecutionExceptionHandler((ex, line, parseResult) -> {
			if (ex instanceof IllegalArgumentException) {
				line.getErr().println("sagactl: " + ex.getMessage());
				return 2;
			}
			if (ex instanceof CommandFailed || ex instanceof ServiceCallFailed) {
				line.getErr().println("sagactl: " + ex.getMessage());
				return 1;
			}
			throw ex;
		});
		return commandLine;
	}

}
