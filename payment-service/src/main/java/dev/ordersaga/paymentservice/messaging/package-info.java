/**
 * The payment-service's listeners: thin adapters from saga events to the payment use
 * case.
 */
@NullMarked
package dev.ordersaga.paymentservice.messaging;

import org.jspecify.annotations.NullMarked;
