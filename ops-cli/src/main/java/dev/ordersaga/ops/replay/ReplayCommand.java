package dev.ordersaga.ops.replay;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import dev.ordersaga.events.Topics;
import dev.ordersaga.events.control.ControlTopic;
import dev.ordersaga.events.control.ReplayRequested;
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
 * would consume again from; with {@code --execute} moves it there. A stopped group's
 * committed offsets are rewritten; a running group's instances are asked on the control
 * topic to seek the partitions they own, and the command waits for their answers. Either
 * way the replay is recorded on the control topic. Replays are safe because consumers are
 * idempotent.
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
		description = { "Moves a consumer group's position on a topic so that it consumes again from there.",
				"Prints the plan per partition; changes nothing without --execute. A running group's instances seek "
						+ "(they follow the control topic saga.control and answer there); a stopped group's committed "
						+ "offsets are rewritten. Every executed replay is recorded on saga.control "
						+ "(./sagactl read saga.control)." },
		footer = { "", "Exit codes: 0 done, 1 failed (Kafka unreachable, a partition not seeked in time), 2 usage.", "",
				"Examples:", "  ./sagactl replay --group inventory-service --topic order.created --to-earliest",
				"  ./sagactl replay --group inventory-service --topic order.created --to-earliest --execute",
				"  ./sagactl replay --group payment-service --topic inventory.updated --to-offset 0 --partition 3 --execute",
				"  ./sagactl replay --group analytics-service --topic order.confirmed --to-time 2026-11-22T10:00:00Z" })
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

	@Option(names = "--partition", paramLabel = "P",
			description = "only this partition; without it, every partition of the topic")
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

	@Option(names = "--execute", description = "move the group; without it, only print the plan")
	private boolean execute;

	@Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "30",
			description = "how long a running group's instances have to seek; default ${DEFAULT-VALUE}")
	private int waitSeconds;

	@Override
	public Integer call() {
		if (this.waitSeconds < 1) {
			throw new IllegalArgumentException("--wait must be at least 1 (seconds)");
		}
		PrintWriter out = this.spec.commandLine().getOut();
		try (KafkaAccess access = this.kafka.connect()) {
			if (!access.topicNames().contains(this.topic)) {
				throw new KafkaAccess.Unavailable("unknown topic '" + this.topic + "' (see ./sagactl topics)");
			}
			List<TopicPartition> partitions = access.partitionsOf(List.of(this.topic));
			Map<TopicPartition, Long> start = access.offsets(partitions, OffsetSpec.earliest());
			Map<TopicPartition, Long> end = access.offsets(partitions, OffsetSpec.latest());
			if (this.partition != null && start.keySet().stream().noneMatch((tp) -> tp.partition() == this.partition)) {
				throw new IllegalArgumentException("topic '" + this.topic + "' has no partition " + this.partition);
			}
			requireKnownGroup(access);
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
				long current = (at != null) ? at.offset() : Objects.requireNonNull(start.get(tp));
				long again = Math.max(0, Objects.requireNonNull(end.get(tp)) - entry.getValue());
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
			Objects.requireNonNull(description, "no description of group " + this.group);
			Map<Integer, Long> offsets = new TreeMap<>();
			targets.forEach((tp, offset) -> offsets.put(tp.partition(), offset));
			ReplayRequested replay = new ReplayRequested(UUID.randomUUID(), this.group, this.topic, offsets, who(),
					Instant.now());
			try (ControlChannel control = new ControlChannel(access)) {
				if (description.members().isEmpty()) {
					return rewriteCommittedOffsets(access, control, replay, targets, out);
				}
				return askRunningInstances(description, control, replay, out);
			}
		}
	}

	private void requireKnownGroup(KafkaAccess access) {
		List<String> groups = access.await(access.admin().listGroups().all(), "list consumer groups")
			.stream()
			.map((listing) -> listing.groupId())
			.sorted()
			.toList();
		if (!groups.contains(this.group)) {
			throw new KafkaAccess.Unavailable(
					"unknown consumer group '" + this.group + "' (known: " + String.join(", ", groups) + ")");
		}
	}

	private int rewriteCommittedOffsets(KafkaAccess access, ControlChannel control, ReplayRequested replay,
			Map<TopicPartition, Long> targets, PrintWriter out) {
		access.await(access.admin()
			.alterConsumerGroupOffsets(this.group,
					targets.entrySet()
						.stream()
						.collect(Collectors.toMap(Map.Entry::getKey, (e) -> new OffsetAndMetadata(e.getValue()))))
			.all(), "move " + this.group);
		control.publish(ControlTopic.REPLAY_COMMITTED, replay);
		out.printf("replay %s: %s has no running instance; its committed offsets on %s were rewritten%n", replay.id(),
				this.group, this.topic);
		out.printf("recorded on %s: by %s at %s%n", Topics.CONTROL, replay.requestedBy(), replay.requestedAt());
		return 0;
	}

	private int askRunningInstances(ConsumerGroupDescription description, ControlChannel control,
			ReplayRequested replay, PrintWriter out) {
		Set<Integer> owned = description.members()
			.stream()
			.flatMap((member) -> member.assignment().topicPartitions().stream())
			.filter((tp) -> tp.topic().equals(this.topic))
			.map(TopicPartition::partition)
			.collect(Collectors.toCollection(TreeSet::new));
		if (owned.isEmpty()) {
			throw new KafkaAccess.Unavailable("group " + this.group + " has " + description.members().size()
					+ " running member(s) but none consumes " + this.topic);
		}
		control.publish(ControlTopic.REPLAY_REQUESTED, replay);
		out.printf("replay %s: asked the %d running member(s) of %s to seek (recorded on %s by %s at %s)%n",
				replay.id(), description.members().size(), this.group, Topics.CONTROL, replay.requestedBy(),
				replay.requestedAt());
		out.flush();
		Set<Integer> wanted = replay.offsets().keySet();
		Set<Integer> seeked = control.awaitSeeks(replay, wanted, Duration.ofSeconds(this.waitSeconds), (answer) -> {
			if (!answer.offsets().isEmpty()) {
				out.printf("  %s seeked partitions %s%n", answer.instance(),
						answer.offsets().keySet().stream().sorted().toList());
				out.flush();
			}
		});
		Set<Integer> missing = new TreeSet<>(wanted);
		missing.removeAll(seeked);
		if (missing.isEmpty()) {
			out.printf("replay %s done: %s consumes %s again from the planned offsets%n", replay.id(), this.group,
					this.topic);
			return 0;
		}
		this.spec.commandLine()
			.getErr()
			.printf("sagactl: partitions %s of %s were not seeked within %d s (an instance without replay support, "
					+ "or a rebalance under way); check ./sagactl topics and run the command again%n", missing,
					this.topic, this.waitSeconds);
		return 1;
	}

	private Map<TopicPartition, Long> targets(KafkaAccess access, Map<TopicPartition, Long> start,
			Map<TopicPartition, Long> end) {
		Map<TopicPartition, Long> targets = new TreeMap<>((a, b) -> Integer.compare(a.partition(), b.partition()));
		if (this.target.offset != null) {
			long offset = this.target.offset;
			start.keySet()
				.stream()
				.filter(this::selected)
				.forEach((tp) -> targets.put(tp, Positions.offsetWithin(tp, offset,
						Objects.requireNonNull(start.get(tp)), Objects.requireNonNull(end.get(tp)))));
			return targets;
		}
		if (this.target.time != null) {
			long millis = Positions.time("--to-time", this.target.time).toEpochMilli();
			Map<TopicPartition, Long> atTime = access.offsets(start.keySet(), OffsetSpec.forTimestamp(millis));
			start.keySet().stream().filter(this::selected).forEach((tp) -> {
				long at = Objects.requireNonNull(atTime.get(tp));
				targets.put(tp, (at >= 0) ? at : Objects.requireNonNull(end.get(tp)));
			});
			return targets;
		}
		start.keySet().stream().filter(this::selected).forEach((tp) -> targets.put(tp, start.get(tp)));
		return targets;
	}

	private boolean selected(TopicPartition tp) {
		return this.partition == null || tp.partition() == this.partition;
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
