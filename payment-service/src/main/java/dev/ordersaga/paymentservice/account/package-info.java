/** Customer accounts and their balances. */
@NullMarked
package dev.ordersaga.paymentservice.account;

import org.jspecify.annotations.NullMarked;
