package dev.ordersaga.events;

/**
 * What a bearer token says of its caller, as {@code sagactl token} writes it and the
 * services read it: the {@link #ROLES} claim lists {@link #CUSTOMER} or
 * {@link #OPERATOR}; a customer's id is the subject.
 */
public final class TokenClaims {

	/** The claim that lists the caller's roles. */
	public static final String ROLES = "roles";

	/** A customer, acting for itself. */
	public static final String CUSTOMER = "customer";

	/** An operator, who may act for any customer. */
	public static final String OPERATOR = "operator";

	private TokenClaims() {
	}

}
