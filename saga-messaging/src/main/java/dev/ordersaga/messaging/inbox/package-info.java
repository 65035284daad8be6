/**
 * Consuming events exactly once: batches applied in database transactions, each event
 * marked as processed with its effect.
 */
@NullMarked
package dev.ordersaga.messaging.inbox;

import org.jspecify.annotations.NullMarked;
