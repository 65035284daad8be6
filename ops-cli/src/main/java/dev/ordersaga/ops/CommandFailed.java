package dev.ordersaga.ops;

/**
 * A command could not do its work for a reason the user can act on (the broker
 * unreachable, a refusal): printed as one line, exit code 1, as is a service's
 * {@link dev.ordersaga.client.ServiceCallFailed}.
 */
public class CommandFailed extends RuntimeException {

	public CommandFailed(String message) {
		super(message);
	}

}
