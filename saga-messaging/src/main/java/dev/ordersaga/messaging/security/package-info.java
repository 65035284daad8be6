/**
 * Who may call the APIs: every request but the open actuator endpoints and the API
 * documentation ({@code dev.ordersaga.messaging.apidocs}) carries a bearer token (a JWT)
 * naming a {@link dev.ordersaga.messaging.security.Caller}, a customer or an operator.
 * Each service states which role may reach which path
 * ({@link dev.ordersaga.messaging.security.ApiAccessRules}); its controllers narrow what
 * a customer sees to their own.
 */
@NullMarked
package dev.ordersaga.messaging.security;

import org.jspecify.annotations.NullMarked;
