/** The notification-service: tells the customer each outcome of their order, once. */
@NullMarked
package dev.ordersaga.notificationservice;

import org.jspecify.annotations.NullMarked;
