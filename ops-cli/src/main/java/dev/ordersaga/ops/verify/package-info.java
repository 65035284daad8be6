/**
 * {@code sagactl verify}: reads every service's API and checks that orders, stock, money,
 * notifications and analytics agree.
 */
@NullMarked
package dev.ordersaga.ops.verify;

import org.jspecify.annotations.NullMarked;
