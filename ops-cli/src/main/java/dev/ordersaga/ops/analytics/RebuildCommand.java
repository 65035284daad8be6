package dev.ordersaga.ops.analytics;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import dev.ordersaga.events.Subscription;
import dev.ordersaga.ops.CommandFailed;
import dev.ordersaga.ops.kafka.KafkaAccess;
import dev.ordersaga.ops.kafka.KafkaOptions;
import dev.ordersaga.ops.token.ApiToken;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code sagactl analytics rebuild}: clears analytics' figures and idempotency records,
 * replays its group from the earliest offsets, waits until it caught up and compares the
 * figures with those before. Refuses when retention already deleted order events, since
 * the figures could not come back.
 */
@Command(name = "rebuild", mixinStandardHelpOptions = true, description = {
		"Rebuilds analytics-service's figures from the order topics: clears the order facts, its processed_event "
				+ "rows and its Redis idempotency marks, moves the analytics-service group to the earliest offsets, "
				+ "waits until it has consumed everything again and compares the figures with those before.",
		"Needs exactly one analytics-service instance running. Prints the plan; changes nothing without --execute." },
		footer = { "", "Exit codes: 0 rebuilt and the figures are equal, 1 failed or the figures differ, 2 usage.", "",
				"Examples:", "  ./sagactl analytics rebuild", "  ./sagactl analytics rebuild --execute",
				"  ./sagactl analytics rebuild --analytics http://analytics:8084 --bootstrap kafka:9092 --execute" })
final class RebuildCommand implements Callable<Integer> {

	private static final List<String> TOPICS = Subscription.ANALYTICS.topics();

	private static final String GROUP = Subscription.ANALYTICS.group();

	/** How often the group's progress is read while it catches up. */
	private static final Duration POLL = Duration.ofSeconds(1);

	@Spec
	private CommandSpec spec;

	@Mixin
	private KafkaOptions kafka;

	@Mixin
	private ApiToken token;

	@Option(names = "--analytics", paramLabel = "URL", defaultValue = "http://localhost:8084",
			description = "analytics-service URL; default ${DEFAULT-VALUE}")
	private String url;

	@Option(names = "--execute", description = "rebuild; without it, only print the plan")
	private boolean execute;

	@Option(names = "--force",
			description = "rebuild even though retention deleted older order events (their figures are lost)")
	private boolean force;

	@Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "600",
			description = "how long to wait for the replay to finish; default ${DEFAULT-VALUE}")
	private int waitSeconds;

	@Override
	public Integer call() throws InterruptedException {
		if (this.waitSeconds < 1) {
			throw new IllegalArgumentException("--wait must be at least 1 (seconds)");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		AnalyticsApi analytics = new AnalyticsApi(this.url, this.token.resolve());
		JsonNode before;
		try (KafkaAccess access = this.kafka.connect()) {
			List<TopicPartition> partitions = access.partitionsOf(TOPICS);
			Map<TopicPartition, Long> starts = access.offsets(partitions, OffsetSpec.earliest());
			Map<TopicPartition, Long> ends = access.offsets(partitions, OffsetSpec.latest());
			List<String> trimmed = starts.entrySet()
				.stream()
				.filter((entry) -> entry.getValue() > 0)
				.map((entry) -> entry.getKey() + " starts at " + entry.getValue())
				.sorted()
				.toList();
			before = analytics.summary();
			long records = partitions.stream()
				.mapToLong((tp) -> Objects.requireNonNull(ends.get(tp)) - Objects.requireNonNull(starts.get(tp)))
				.sum();
			out.printf(
					"rebuild plan for %s: clear %d order facts with their idempotency records, then consume %d "
							+ "records of %s again (%d partitions)%n",
					GROUP, before.path("orders").asLong(), records, String.join(", ", TOPICS), partitions.size());
			if (!trimmed.isEmpty()) {
				out.println("retention deleted older records: " + String.join("; ", trimmed));
				if (!this.force) {
					throw new CommandFailed("the figures of deleted records could not come back; "
							+ "add --force to rebuild from what is left");
				}
			}
			if (!this.execute) {
				out.println("dry run: nothing changed; add --execute to rebuild");
				return 0;
			}
			AnalyticsApi.RebuildReport report = analytics.rebuild(this.force);
			out.printf(
					"cleared %d order facts, %d processed events and %d Redis marks; moved %d partitions to "
							+ "their earliest offsets%n",
					report.readModelRows(), report.processedEvents(), report.redisMarks(), report.partitions());
			out.flush();
			awaitCaughtUp(access, partitions, out);
		}
		JsonNode after = analytics.summary();
		if (after.equals(before)) {
			out.println("figures after the rebuild are equal to those before: " + after);
			return 0;
		}
		out.println("figures before: " + before);
		out.println("figures after:  " + after);
		this.spec.commandLine()
			.getErr()
			.println("sagactl: the figures differ after the rebuild; orders placed meanwhile would explain it, "
					+ "otherwise analytics lost or double-counted events");
		return 1;
	}

	private void awaitCaughtUp(KafkaAccess access, List<TopicPartition> partitions, PrintWriter out)
			throws InterruptedException {
		Map<TopicPartition, Long> ends = access.offsets(partitions, OffsetSpec.latest());
		long total = ends.values().stream().mapToLong(Long::longValue).sum();
		long deadline = System.nanoTime() + Duration.ofSeconds(this.waitSeconds).toNanos();
		long shown = -1;
		while (true) {
			Map<TopicPartition, OffsetAndMetadata> committed = access.await(
					access.admin().listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata(),
					"read the offsets of " + GROUP);
			long consumed = partitions.stream()
				.mapToLong((tp) -> Math.min(Objects.requireNonNull(ends.get(tp)),
						(committed.get(tp) != null) ? committed.get(tp).offset() : 0))
				.sum();
			if (consumed != shown) {
				out.printf("consumed %d of %d%n", consumed, total);
				out.flush();
				shown = consumed;
			}
			if (consumed >= total) {
				return;
			}
			if (System.nanoTime() > deadline) {
				throw new CommandFailed(GROUP + " has not caught up after " + this.waitSeconds
						+ " s; see ./sagactl topics and ./stack logs " + GROUP);
			}
			Thread.sleep(POLL);
		}
	}

}
