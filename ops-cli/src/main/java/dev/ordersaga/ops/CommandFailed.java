package dev.ordersaga.ops;

/**
 * A command could not do its work for a reason the user can act on (a service or the
 * broker unreachable, a refusal): printed as one line, exit code 1.
 */
public class CommandFailed extends RuntimeException {

	public CommandFailed(String message) {
		super(message);
	}

}
