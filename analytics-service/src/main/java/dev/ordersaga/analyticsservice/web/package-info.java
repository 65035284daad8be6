/**
 * The analytics API's errors: the use cases' exceptions, answered as RFC 9457 problem
 * details.
 */
@NullMarked
package dev.ordersaga.analyticsservice.web;

import org.jspecify.annotations.NullMarked;
