package dev.ordersaga.messaging.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The inbox's meters: how big its batches are, how many duplicates it skipped, and what
 * its failures meant ({@code saga.inbox.failures} by outcome and topic).
 */
class InboxMetrics {

	private final MeterRegistry meters;

	private final Counter duplicates;

	private final DistributionSummary batchSizes;

	InboxMetrics(MeterRegistry meters) {
		this.meters = meters;
		this.duplicates = Counter.builder("saga.inbox.duplicates")
			.description("Events skipped because they were applied before")
			.register(meters);
		this.batchSizes = DistributionSummary.builder("saga.inbox.batch.size")
			.description("Records per batch handed to the inbox: the bigger, the less each costs")
			.register(meters);
	}

	void batchReceived(int records) {
		this.batchSizes.record(records);
	}

	void duplicateSkipped() {
		this.duplicates.increment();
	}

	void failed(FailureClassification.Outcome outcome, String topic) {
		this.meters.counter("saga.inbox.failures", "outcome", outcome.tag(), "topic", topic).increment();
	}

}
