/**
 * Every service's OpenAPI 3 document ({@code /v3/api-docs}) and Swagger UI
 * ({@code /swagger-ui.html}), by springdoc: named and versioned after the service, with
 * the bearer-token scheme its API requires and the problem responses it answers, and open
 * to anyone, token or not.
 */
@NullMarked
package dev.ordersaga.messaging.apidocs;

import org.jspecify.annotations.NullMarked;
