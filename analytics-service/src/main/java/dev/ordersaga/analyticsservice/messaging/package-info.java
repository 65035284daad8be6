/** The analytics-service's listener: order events handed to the recording use case. */
@NullMarked
package dev.ordersaga.analyticsservice.messaging;

import org.jspecify.annotations.NullMarked;
