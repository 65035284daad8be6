/** The notification API's web conventions: who may call it. */
@NullMarked
package dev.ordersaga.notificationservice.web;

import org.jspecify.annotations.NullMarked;
