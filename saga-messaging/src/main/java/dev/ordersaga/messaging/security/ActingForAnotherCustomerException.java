package dev.ordersaga.messaging.security;

/** A customer named another customer in a request: answered 403. */
public class ActingForAnotherCustomerException extends RuntimeException {

	public ActingForAnotherCustomerException(String customerId, String named) {
		super("Customer '" + customerId + "' may act only for itself, not for '" + named + "'");
	}

}
