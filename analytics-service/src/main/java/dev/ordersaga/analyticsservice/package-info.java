/**
 * The analytics-service: counts orders by outcome, revenue and saga latency from the
 * events alone, so its figures can be rebuilt by replaying the topics.
 */
@NullMarked
package dev.ordersaga.analyticsservice;

import org.jspecify.annotations.NullMarked;
