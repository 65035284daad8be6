package dev.ordersaga.messaging.security;

import org.jspecify.annotations.Nullable;

/**
 * Who makes a request, as its token says: a customer (whose id is the token's subject) or
 * an operator. A controller takes it as a parameter and asks it whose data the request
 * may touch.
 *
 * @param subject the customer's id, or the operator's name
 * @param operator whether the caller is an operator
 */
public record Caller(String subject, boolean operator) {

	/** The role of a customer, as Spring Security names it ({@code ROLE_CUSTOMER}). */
	public static final String CUSTOMER = "CUSTOMER";

	/** The role of an operator ({@code ROLE_OPERATOR}). */
	public static final String OPERATOR = "OPERATOR";

	public static Caller customer(String customerId) {
		return new Caller(customerId, false);
	}

	public static Caller operator(String name) {
		return new Caller(name, true);
	}

	/**
	 * The customer a request acts for: a customer acts for themself (naming no one, or
	 * themself); an operator for the customer it names.
	 * @param named the customer the request names, e.g. a body's {@code customerId}
	 * @throws ActingForAnotherCustomerException when a customer names someone else
	 * @throws IllegalArgumentException when an operator names no one
	 */
	public String actingFor(@Nullable String named) {
		if (this.operator) {
			if (named == null) {
				throw new IllegalArgumentException("an operator must name the customer");
			}
			return named;
		}
		if (named != null && !named.equals(this.subject)) {
			throw new ActingForAnotherCustomerException(this.subject, named);
		}
		return this.subject;
	}

	/**
	 * Whose records a list shows: a customer's own (naming no one, or themself); for an
	 * operator, those of the customer it names, or everyone's ({@code null}).
	 * @throws ActingForAnotherCustomerException when a customer names someone else
	 */
	public @Nullable String listing(@Nullable String named) {
		return this.operator ? named : actingFor(named);
	}

	/**
	 * Whether the caller may see what belongs to the customer. What it may not see, it is
	 * told does not exist, so ids of others are never confirmed.
	 */
	public boolean sees(String customerId) {
		return this.operator || this.subject.equals(customerId);
	}

}
