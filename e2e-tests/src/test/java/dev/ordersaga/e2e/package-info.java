/**
 * End-to-end tests: the packaged service jars run as separate processes against real
 * Kafka, PostgreSQL and Redis, and are driven only through their HTTP APIs.
 */
@NullMarked
package dev.ordersaga.e2e;

import org.jspecify.annotations.NullMarked;
