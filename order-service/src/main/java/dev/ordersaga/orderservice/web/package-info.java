/**
 * The order API's errors: the order use cases' exceptions, answered as RFC 9457 problem
 * details.
 */
@NullMarked
package dev.ordersaga.orderservice.web;

import org.jspecify.annotations.NullMarked;
