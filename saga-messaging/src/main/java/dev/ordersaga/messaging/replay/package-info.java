/**
 * Replays while a service runs: listeners keep their consumers' seek callbacks, and every
 * instance follows the control topic, so an operator's {@code sagactl replay} moves the
 * partitions each running instance owns without a restart.
 */
@NullMarked
package dev.ordersaga.messaging.replay;

import org.jspecify.annotations.NullMarked;
