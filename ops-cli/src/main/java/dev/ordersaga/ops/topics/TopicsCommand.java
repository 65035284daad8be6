package dev.ordersaga.ops.topics;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.ordersaga.events.Topics;
import dev.ordersaga.ops.kafka.KafkaAccess;
import dev.ordersaga.ops.kafka.KafkaOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code sagactl topics}. */
@Command(name = "topics", mixinStandardHelpOptions = true,
		description = "Every saga topic, its .dlq and the control topic saga.control: partitions, start and end offsets, and per consumer group the committed offsets and lag.",
		footer = { "", "Examples:", "  ./sagactl topics", "  ./sagactl topics --json" })
public final class TopicsCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private KafkaOptions kafka;

	@Option(names = "--json", description = "one JSON object per topic, for scripts")
	private boolean json;

	/** What the command found for one topic. */
	record TopicState(String name, int partitions, long start, long end, Map<String, GroupPosition> groups) {

		long records() {
			return this.end - this.start;
		}

	}

	/**
	 * A consumer group's committed offsets (summed over partitions) and lag on one topic.
	 */
	record GroupPosition(long committed, long lag) {
	}

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		try (KafkaAccess access = this.kafka.connect()) {
			List<TopicState> states = read(access);
			if (this.json) {
				JsonMapper mapper = JsonMapper.builder().build();
				for (TopicState state : states) {
					ObjectNode node = mapper.createObjectNode();
					node.put("topic", state.name());
					node.put("partitions", state.partitions());
					node.put("startOffset", state.start());
					node.put("endOffset", state.end());
					node.put("records", state.records());
					ObjectNode groups = node.putObject("groups");
					state.groups()
						.forEach((group, position) -> groups.putObject(group)
							.put("committed", position.committed())
							.put("lag", position.lag()));
					out.println(mapper.writeValueAsString(node));
				}
				return 0;
			}
			out.printf("%-24s %5s %10s %10s %10s   %s%n", "TOPIC", "PARTS", "START", "END", "RECORDS",
					"GROUP: COMMITTED / LAG");
			for (TopicState state : states) {
				String groups = state.groups().isEmpty() ? "-"
						: state.groups()
							.entrySet()
							.stream()
							.map((entry) -> entry.getKey() + ": " + entry.getValue().committed() + " / "
									+ entry.getValue().lag())
							.collect(Collectors.joining(", "));
				out.printf("%-24s %5d %10d %10d %10d   %s%n", state.name(), state.partitions(), state.start(),
						state.end(), state.records(), groups);
			}
		}
		return 0;
	}

	static List<TopicState> read(KafkaAccess access) {
		Set<String> existing = access.topicNames();
		List<String> names = Stream
			.concat(Topics.ALL.stream().flatMap((topic) -> Stream.of(topic, Topics.deadLetterOf(topic))),
					Stream.of(Topics.CONTROL))
			.filter(existing::contains)
			.toList();
		List<TopicPartition> partitions = access.partitionsOf(names);
		Map<TopicPartition, Long> starts = access.offsets(partitions, OffsetSpec.earliest());
		Map<TopicPartition, Long> ends = access.offsets(partitions, OffsetSpec.latest());
		Map<String, Map<TopicPartition, OffsetAndMetadata>> committedByGroup = new TreeMap<>();
		Collection<String> groups = access.await(access.admin().listGroups().all(), "list consumer groups")
			.stream()
			.map((listing) -> listing.groupId())
			.toList();
		for (String group : groups) {
			committedByGroup.put(group,
					access.await(access.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(),
							"read offsets of " + group));
		}
		List<TopicState> states = new ArrayList<>();
		for (String name : names) {
			List<TopicPartition> own = partitions.stream().filter((tp) -> tp.topic().equals(name)).toList();
			Map<String, GroupPosition> positions = new TreeMap<>();
			committedByGroup.forEach((group, committed) -> {
				List<TopicPartition> read = own.stream().filter(committed::containsKey).toList();
				if (!read.isEmpty()) {
					long sum = 0;
					long lag = 0;
					for (TopicPartition tp : own) {
						OffsetAndMetadata at = committed.get(tp);
						long position = (at != null) ? at.offset() : Objects.requireNonNull(starts.get(tp));
						sum += position;
						lag += Math.max(0, Objects.requireNonNull(ends.get(tp)) - position);
					}
					positions.put(group, new GroupPosition(sum, lag));
				}
			});
			states.add(new TopicState(name, own.size(), own.stream().mapToLong(starts::get).sum(),
					own.stream().mapToLong(ends::get).sum(), positions));
		}
		return states;
	}

}
