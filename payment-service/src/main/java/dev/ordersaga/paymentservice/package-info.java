/**
 * The payment-service: keeps customer accounts, charges an order's total once its stock
 * is reserved and refunds it when the order is rejected or cancelled.
 */
@NullMarked
package dev.ordersaga.paymentservice;

import org.jspecify.annotations.NullMarked;
