/**
 * JSON over HTTP to the saga's services, for sagactl's commands and for the tests that
 * call a running service: bodies written and bound by Jackson, a bearer token when one is
 * given, and every failure reported one way.
 */
@NullMarked
package dev.ordersaga.client;

import org.jspecify.annotations.NullMarked;
