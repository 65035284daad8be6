package dev.ordersaga.ops.token;

import java.util.Locale;

/** The roles the services tell callers apart by, as a token's {@code roles} claim. */
public enum Role {

	/** A customer, acting for itself: the token's subject is the customer's id. */
	CUSTOMER,

	/** An operator, who may act for any customer (place its orders, for one). */
	OPERATOR;

	/** The role as the claim carries it, e.g. {@code operator}. */
	public String claimValue() {
		return name().toLowerCase(Locale.ROOT);
	}

}
