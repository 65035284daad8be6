package dev.ordersaga.ops.replay;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.ordersaga.ops.kafka.KafkaAccess;
import dev.ordersaga.ops.kafka.KafkaOptions;
import dev.ordersaga.ops.kafka.Positions;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sagactl replay}: prints, per partition, where a consumer group is and where it
 * would consume again from; with {@code --execute} rewrites the group's committed
 * offsets. Replays are safe because consumers are idempotent. This version needs the
 * group's service stopped: moving a running group is not built yet.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, description = {
		"Moves a consumer group's position on a topic so that it consumes again from there.",
		"Prints the plan per partition; changes nothing without --execute. The group must have no active member",
		"(stop its service first, e.g. kill $(cat var/run/inventory-service.pid), then ./stack up afterwards)." },
		footer = { "", "Examples:", "  ./sagactl replay --group analytics-service --topic order.created --to-earliest",
				"  ./sagactl replay --group inventory-service --topic order.created --to-offset 0 --partition 3 --execute",
				"  ./sagactl replay --group payment-service --topic inventory.updated --to-time 2026-11-22T10:00:00Z" })
public final class ReplayCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private KafkaOptions kafka;

	@Option(names = "--group", required = true, paramLabel = "GROUP",
			description = "the consumer group, e.g. inventory-service")
	private String group;

	@Option(names = "--topic", required = true, paramLabel = "TOPIC", description = "the topic to replay")
	private String topic;

	@Option(names = "--partition", paramLabel = "P", description = "only this partition (with --to-offset)")
	private @Nullable Integer partition;

	@ArgGroup(exclusive = true, multiplicity = "1")
	private Target target;

	static final class Target {

		@Option(names = "--to-offset", paramLabel = "N", description = "consume again from offset N")
		@Nullable Long offset;

		@Option(names = "--to-time", paramLabel = "ISO",
				description = "consume again from the first record at or after this time")
		@Nullable String time;

		@Option(names = "--to-earliest", description = "consume again from the earliest record")
		boolean earliest;

	}

	@Option(names = "--execute", description = "rewrite the offsets; without it, only print the plan")
	private boolean execute;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		try (KafkaAccess access = this.kafka.connect()) {
			if (!access.topicNames().contains(this.topic)) {
				throw new KafkaAccess.Unavailable("unknown topic '" + this.topic + "' (see ./sagactl topics)");
			}
			Map<TopicPartition, Long> start = offsets(access, OffsetSpec.earliest());
			Map<TopicPartition, Long> end = offsets(access, OffsetSpec.latest());
			if (this.partition != null && start.keySet().stream().noneMatch((tp) -> tp.partition() == this.partition)) {
				throw new IllegalArgumentException("topic '" + this.topic + "' has no partition " + this.partition);
			}
			Map<TopicPartition, OffsetAndMetadata> committed = access.await(
					access.admin().listConsumerGroupOffsets(this.group).partitionsToOffsetAndMetadata(),
					"read the offsets of " + this.group);
			Map<TopicPartition, Long> targets = targets(access, start, end);
			out.printf("replay plan for group %s on %s%n", this.group, this.topic);
			out.printf("%9s %10s %10s %12s%n", "PARTITION", "CURRENT", "TARGET", "TO CONSUME");
			long total = 0;
			for (Map.Entry<TopicPartition, Long> entry : targets.entrySet()) {
				TopicPartition tp = entry.getKey();
				OffsetAndMetadata at = committed.get(tp);
				long current = (at != null) ? at.offset() : start.get(tp);
				long again = Math.max(0, end.get(tp) - entry.getValue());
				total += again;
				out.printf("%9d %10d %10d %12d%n", tp.partition(), current, entry.getValue(), again);
			}
			out.printf("%d records to be consumed again%n", total);
			if (!this.execute) {
				out.println("dry run: nothing changed; add --execute to move the group");
				return 0;
			}
			ConsumerGroupDescription description = access
				.await(access.admin().describeConsumerGroups(List.of(this.group)).all(), "describe " + this.group)
				.get(this.group);
			if (!description.members().isEmpty()) {
				throw new KafkaAccess.Unavailable("group " + this.group + " has " + description.members().size()
						+ " active member(s): stop its service, then run this again (moving a running group is not built yet)");
			}
			access.await(access.admin()
				.alterConsumerGroupOffsets(this.group,
						targets.entrySet()
							.stream()
							.collect(Collectors.toMap(Map.Entry::getKey, (e) -> new OffsetAndMetadata(e.getValue()))))
				.all(), "move " + this.group);
			out.printf("moved %s on %s (%d partitions) at %s by %s%n", this.group, this.topic, targets.size(),
					Instant.now(), who());
		}
		return 0;
	}

	private Map<TopicPartition, Long> targets(KafkaAccess access, Map<TopicPartition, Long> start,
			Map<TopicPartition, Long> end) {
		Map<TopicPartition, Long> targets = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
		if (this.target.offset != null) {
			if (this.partition == null) {
				throw new IllegalArgumentException("--to-offset needs --partition");
			}
			TopicPartition tp = new TopicPartition(this.topic, this.partition);
			targets.put(tp, Positions.offsetWithin(tp, this.target.offset, start.get(tp), end.get(tp)));
			return targets;
		}
		if (this.target.time != null) {
			long millis = Positions.time("--to-time", this.target.time).toEpochMilli();
			Map<TopicPartition, Long> atTime = offsets(access, OffsetSpec.forTimestamp(millis));
			start.keySet()
				.stream()
				.filter(this::selected)
				.forEach((tp) -> targets.put(tp, (atTime.get(tp) >= 0) ? atTime.get(tp) : end.get(tp)));
			return targets;
		}
		start.keySet().stream().filter(this::selected).forEach((tp) -> targets.put(tp, start.get(tp)));
		return targets;
	}

	private boolean selected(TopicPartition tp) {
		return this.partition == null || tp.partition() == this.partition;
	}

	private Map<TopicPartition, Long> offsets(KafkaAccess access, OffsetSpec spec) {
		Map<TopicPartition, OffsetSpec> query = access
			.await(access.admin().describeTopics(List.of(this.topic)).allTopicNames(), "describe " + this.topic)
			.get(this.topic)
			.partitions()
			.stream()
			.collect(Collectors.toMap((info) -> new TopicPartition(this.topic, info.partition()), (info) -> spec));
		Map<TopicPartition, Long> offsets = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
		access.await(access.admin().listOffsets(query).all(), "list offsets of " + this.topic)
			.forEach((tp, info) -> offsets.put(tp, info.offset()));
		return offsets;
	}

	private static String who() {
		String user = System.getProperty("user.name", "?");
		try {
			return user + "@" + InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return user;
		}
	}

}
