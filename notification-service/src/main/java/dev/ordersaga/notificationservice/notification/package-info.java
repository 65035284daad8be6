/** Notifications: one per outcome of an order, stored and delivered through a channel. */
@NullMarked
package dev.ordersaga.notificationservice.notification;

import org.jspecify.annotations.NullMarked;
