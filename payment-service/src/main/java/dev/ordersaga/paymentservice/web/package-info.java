/**
 * The payment-service's web conventions: its domain failures mapped to problem responses.
 */
@NullMarked
package dev.ordersaga.paymentservice.web;

import org.jspecify.annotations.NullMarked;
