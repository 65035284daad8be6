/**
 * The local stack's Kafka: a single-node KRaft broker from the Maven Central jars, and
 * the saga's topics on any broker, logging in with the client settings of
 * {@code KAFKA_COMMAND_CONFIG} when it requires a login.
 */
@NullMarked
package dev.ordersaga.infra.kafka;

import org.jspecify.annotations.NullMarked;
