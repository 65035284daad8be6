/** Order facts recorded from the saga's events, and the summary computed from them. */
@NullMarked
package dev.ordersaga.analyticsservice.summary;

import org.jspecify.annotations.NullMarked;
