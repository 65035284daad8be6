package dev.ordersaga.paymentservice.account;

/** No account is held for this customer. */
public class UnknownAccountException extends RuntimeException {

	UnknownAccountException(String customerId) {
		super("No account " + customerId);
	}

}
