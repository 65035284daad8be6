package dev.ordersaga.ops.token;

import dev.ordersaga.events.TokenClaims;

/** The roles the services tell callers apart by, as a token's {@code roles} claim. */
public enum Role {

	/** A customer, acting for itself: the token's subject is the customer's id. */
	CUSTOMER(TokenClaims.CUSTOMER),

	/** An operator, who may act for any customer (place its orders, for one). */
	OPERATOR(TokenClaims.OPERATOR);

	private final String claimValue;

	Role(String claimValue) {
		this.claimValue = claimValue;
	}

	/** The role as the claim carries it, e.g. {@code operator}. */
	public String claimValue() {
		return this.claimValue;
	}

}
