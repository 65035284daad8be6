package dev.ordersaga.ops.read;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;

import dev.ordersaga.ops.kafka.KafkaAccess;
import dev.ordersaga.ops.kafka.KafkaOptions;
import dev.ordersaga.ops.kafka.Positions;
import dev.ordersaga.ops.kafka.RecordJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sagactl read TOPIC}: records as JSON lines, from an offset, a time or the
 * beginning.
 */
@Command(name = "read", mixinStandardHelpOptions = true,
		description = {
				"Prints records of a topic as JSON lines: topic, partition, offset, timestamp, key, headers, value.",
				"Values that are JSON are embedded; others are text or base64." },
		footer = { "", "Examples:", "  ./sagactl read order.created --from-beginning --limit 5",
				"  ./sagactl read order.created --partition 3 --from-offset 0",
				"  ./sagactl read saga.control --header ce_type=replay.requested",
				"  ./sagactl read inventory.updated --key 5f0c...-orderId --from-time 2026-11-22T10:00:00Z --follow" })
public final class ReadCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private KafkaOptions kafka;

	@Parameters(paramLabel = "TOPIC", description = "the topic to read")
	private String topic;

	@Option(names = "--partition", paramLabel = "P", description = "only this partition")
	private @Nullable Integer partition;

	@ArgGroup(exclusive = true)
	private @Nullable Start start;

	static final class Start {

		@Option(names = "--from-offset", paramLabel = "N", description = "start at this offset (needs --partition)")
		@Nullable Long offset;

		@Option(names = "--from-time", paramLabel = "ISO",
				description = "start at the first record at or after this time")
		@Nullable String time;

		@Option(names = "--from-beginning", description = "start at the earliest record (the default)")
		boolean beginning;

	}

	@Option(names = "--limit", paramLabel = "K", defaultValue = "100",
			description = "print at most K records; default ${DEFAULT-VALUE}")
	private int limit;

	@Option(names = "--key", paramLabel = "ORDER_ID", description = "only records with this key")
	private @Nullable String key;

	@Option(names = "--header", paramLabel = "NAME=VALUE",
			description = "only records with this header value, e.g. ce_type=order.created (repeatable: all must match)")
	private Map<String, String> headers = Map.of();

	@Option(names = "--follow", description = "keep waiting for new records (Ctrl-C to stop)")
	private boolean follow;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.start != null && this.start.offset != null && this.partition == null) {
			throw new IllegalArgumentException("--from-offset needs --partition");
		}
		if (this.limit < 1) {
			throw new IllegalArgumentException("--limit must be at least 1");
		}
		RecordJson json = new RecordJson();
		try (KafkaAccess access = this.kafka.connect(); KafkaConsumer<byte[], byte[]> consumer = access.consumer()) {
			if (!access.topicNames().contains(this.topic)) {
				throw new KafkaAccess.Unavailable("unknown topic '" + this.topic + "' (see ./sagactl topics)");
			}
			List<TopicPartition> partitions = consumer.partitionsFor(this.topic, Duration.ofSeconds(5))
				.stream()
				.map((info) -> new TopicPartition(this.topic, info.partition()))
				.filter((tp) -> this.partition == null || tp.partition() == this.partition)
				.toList();
			if (partitions.isEmpty()) {
				throw new IllegalArgumentException("topic '" + this.topic + "' has no partition " + this.partition);
			}
			consumer.assign(partitions);
			Map<TopicPartition, Long> end = positionAt(consumer, partitions);
			int printed = 0;
			long quietSince = System.nanoTime();
			while (printed < this.limit) {
				var records = consumer.poll(Duration.ofMillis(300));
				for (ConsumerRecord<byte[], byte[]> record : records) {
					if (selected(record)) {
						out.println(json.write(json.render(record, false)));
						printed++;
						if (printed >= this.limit) {
							break;
						}
					}
				}
				out.flush();
				if (!records.isEmpty()) {
					quietSince = System.nanoTime();
				}
				boolean caughtUp = partitions.stream()
					.allMatch((tp) -> consumer.position(tp) >= Objects.requireNonNull(end.get(tp)));
				if (!this.follow && (caughtUp || Duration.ofNanos(System.nanoTime() - quietSince).toSeconds() > 10)) {
					break;
				}
			}
		}
		return 0;
	}

	private boolean selected(ConsumerRecord<byte[], byte[]> record) {
		if (this.key != null && !this.key.equals(RecordJson.keyText(record))) {
			return false;
		}
		return this.headers.entrySet()
			.stream()
			.allMatch((wanted) -> wanted.getValue().equals(RecordJson.header(record, wanted.getKey())));
	}

	/** Seeks every partition to where reading starts; returns each partition's end. */
	private Map<TopicPartition, Long> positionAt(KafkaConsumer<byte[], byte[]> consumer,
			List<TopicPartition> partitions) {
		Map<TopicPartition, Long> beginning = consumer.beginningOffsets(partitions);
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
		if (this.start != null && this.start.offset != null) {
			TopicPartition tp = partitions.get(0);
			consumer.seek(tp, Positions.offsetWithin(tp, this.start.offset, Objects.requireNonNull(beginning.get(tp)),
					Objects.requireNonNull(end.get(tp))));
		}
		else if (this.start != null && this.start.time != null) {
			long millis = Positions.time("--from-time", this.start.time).toEpochMilli();
			Map<TopicPartition, Long> query = new HashMap<>();
			partitions.forEach((tp) -> query.put(tp, millis));
			Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
			partitions.forEach((tp) -> {
				OffsetAndTimestamp at = found.get(tp);
				consumer.seek(tp, (at != null) ? at.offset() : Objects.requireNonNull(end.get(tp)));
			});
		}
		else {
			consumer.seekToBeginning(partitions);
		}
		return end;
	}

}
