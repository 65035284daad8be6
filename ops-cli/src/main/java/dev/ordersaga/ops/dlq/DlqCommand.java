package dev.ordersaga.ops.dlq;

import picocli.CommandLine.Command;

/** {@code sagactl dlq}: the dead-letter topics. */
@Command(name = "dlq", mixinStandardHelpOptions = true, description = "Inspect the dead-letter topics (<topic>.dlq).",
		subcommands = { DlqListCommand.class, DlqShowCommand.class, DlqRedriveCommand.class })
public final class DlqCommand implements Runnable {

	@picocli.CommandLine.Spec
	private picocli.CommandLine.Model.CommandSpec spec;

	@Override
	public void run() {
		throw new picocli.CommandLine.ParameterException(this.spec.commandLine(),
				"Missing subcommand: list, show or redrive (see sagactl dlq --help)");
	}

}
