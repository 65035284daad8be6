/**
 * A made-up service whose classes break {@code SagaArchitecture}'s rules on purpose, so
 * {@code SagaArchitectureTests} can show that each rule fails when it should. No service
 * analyses this package.
 */
@NullMarked
package dev.ordersaga.examplesservice;

import org.jspecify.annotations.NullMarked;
