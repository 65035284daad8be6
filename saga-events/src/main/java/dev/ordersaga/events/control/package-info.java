/**
 * The operators' control topic: replay requests that every running service instance
 * reads, the instances' answers, and a record of each replay done while a group was
 * stopped. Read in order, the topic is the audit log of replays (who, when, what).
 */
@NullMarked
package dev.ordersaga.events.control;

import org.jspecify.annotations.NullMarked;
