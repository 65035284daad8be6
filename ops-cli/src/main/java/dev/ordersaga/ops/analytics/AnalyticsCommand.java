package dev.ordersaga.ops.analytics;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sagactl analytics}: operations on analytics-service's figures. */
@Command(name = "analytics", mixinStandardHelpOptions = true,
		description = "Operations on analytics-service's figures.", subcommands = RebuildCommand.class)
public final class AnalyticsCommand implements Runnable {

	@Spec
	private CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(),
				"Missing subcommand: rebuild (see sagactl analytics --help)");
	}

}
