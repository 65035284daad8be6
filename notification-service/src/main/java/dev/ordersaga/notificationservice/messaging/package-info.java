/**
 * The notification-service's listener: order outcomes handed to the notifying use case.
 */
@NullMarked
package dev.ordersaga.notificationservice.messaging;

import org.jspecify.annotations.NullMarked;
