/**
 * Consuming events exactly once: batches applied in database transactions, each event
 * marked as processed with its effect.
 * {@link dev.ordersaga.messaging.inbox.InboundEvents} runs the flow; each of its parts
 * does one thing (which records are this group's, the Redis marks, what happens inside a
 * transaction, what a failure means, where a failed record goes, the meters).
 * {@link dev.ordersaga.messaging.inbox.InboxReset} makes the inbox forget what its group
 * processed.
 */
@NullMarked
package dev.ordersaga.messaging.inbox;

import org.jspecify.annotations.NullMarked;
