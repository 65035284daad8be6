/**
 * Payments: the payment's side of the saga. An order's total is charged once its stock is
 * reserved, and refunded when the order is rejected or cancelled after the charge.
 */
@NullMarked
package dev.ordersaga.paymentservice.payment;

import org.jspecify.annotations.NullMarked;
