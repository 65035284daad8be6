/**
 * Tokens for the services' APIs: {@code sagactl token}, which signs a customer's or an
 * operator's JWT with the local stack's key, and the bearer token that every command
 * calling an API sends.
 */
@NullMarked
package dev.ordersaga.ops.token;

import org.jspecify.annotations.NullMarked;
