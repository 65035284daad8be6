package dev.ordersaga.ops.dlq;

import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import dev.ordersaga.events.DeadLetterHeaders;
import dev.ordersaga.events.EventHeaders;
import dev.ordersaga.ops.kafka.KafkaAccess;
import dev.ordersaga.ops.kafka.KafkaOptions;
import dev.ordersaga.ops.kafka.RecordJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sagactl dlq redrive}: sends dead letters back to their original topic and
 * partition, with lineage headers. A record is redriven at most once per dead letter (a
 * second run finds the copy it sent) and at most {@code --max-redrives} times in all (the
 * count travels with the event). Without {@code --execute} it only prints the plan.
 */
@Command(name = "redrive", mixinStandardHelpOptions = true,
		description = {
				"Sends selected dead letters back to their original topic (from " + DeadLetterHeaders.ORIGINAL_TOPIC
						+ "), on the same partition, with " + EventHeaders.REDRIVE_OF + " and "
						+ EventHeaders.REDRIVE_COUNT + ". With --group G only G applies the copy ("
						+ EventHeaders.REDRIVE_FOR + "); the other groups skip it.",
				"Prints the plan; sends nothing without --execute." },
		footer = { "", "Examples:", "  ./sagactl dlq redrive inventory.updated.dlq --group payment-service",
				"  ./sagactl dlq redrive order.created.dlq --order 5f0c... --execute" })
final class DlqRedriveCommand implements Callable<Integer> {

	@Spec
	private CommandSpec spec;

	@Mixin
	private KafkaOptions kafka;

	@Mixin
	private DlqSelectors selectors;

	@Option(names = "--max-redrives", paramLabel = "N", defaultValue = "3",
			description = "refuse an event already redriven N times; default ${DEFAULT-VALUE}")
	private int maxRedrives;

	@Option(names = "--execute", description = "send; without it, only print what would be sent")
	private boolean execute;

	@Override
	public Integer call() throws Exception {
		this.selectors.check();
		PrintWriter out = this.spec.commandLine().getOut();
		int sent = 0;
		int skipped = 0;
		int refused = 0;
		try (KafkaAccess access = this.kafka.connect();
				KafkaProducer<byte[], byte[]> producer = access.producer();
				KafkaConsumer<byte[], byte[]> lookup = access.consumer()) {
			for (ConsumerRecord<byte[], byte[]> dead : this.selectors.select(access)) {
				String id = this.selectors.topic() + "-" + dead.partition() + "@" + dead.offset();
				String original = RecordJson.header(dead, DeadLetterHeaders.ORIGINAL_TOPIC);
				Header partitionHeader = dead.headers().lastHeader(DeadLetterHeaders.ORIGINAL_PARTITION);
				if (original == null || partitionHeader == null || partitionHeader.value().length != 4) {
					out.println("refuse  " + id + ": no " + DeadLetterHeaders.ORIGINAL_TOPIC + " and "
							+ DeadLetterHeaders.ORIGINAL_PARTITION + " headers to send it back to");
					refused++;
					continue;
				}
				int partition = ByteBuffer.wrap(partitionHeader.value()).getInt();
				String countText = RecordJson.header(dead, EventHeaders.REDRIVE_COUNT);
				int previous = (countText != null) ? Integer.parseInt(countText) : 0;
				String target = original + "-" + partition;
				if (previous >= this.maxRedrives) {
					out.println("refuse  " + id + " -> " + target + ": redriven " + previous
							+ " times already (--max-redrives " + this.maxRedrives + ")");
					refused++;
					continue;
				}
				if (alreadyRedriven(lookup, new TopicPartition(original, partition), dead.timestamp(), id)) {
					out.println("skip    " + id + " -> " + target + ": redriven before");
					skipped++;
					continue;
				}
				out.println(((this.execute) ? "sent    " : "would   ") + id + " -> " + target + " (redrive "
						+ (previous + 1) + " of at most " + this.maxRedrives
						+ ((this.selectors.group() != null) ? ", for " + this.selectors.group() + " only" : "") + ")");
				if (this.execute) {
					producer.send(copy(dead, original, partition, id, previous + 1)).get(10, TimeUnit.SECONDS);
				}
				sent++;
			}
		}
		out.printf("%s %d, skipped %d (redriven before), refused %d%n", this.execute ? "redriven" : "would redrive",
				sent, skipped, refused);
		if (!this.execute && sent > 0) {
			out.println("dry run: nothing was sent; add --execute to send");
		}
		return 0;
	}

	/**
	 * Whether a copy of this dead letter is on the original partition already, sent since
	 * it died.
	 */
	private static boolean alreadyRedriven(KafkaConsumer<byte[], byte[]> consumer, TopicPartition partition, long since,
			String id) {
		consumer.assign(List.of(partition));
		Map<TopicPartition, OffsetAndTimestamp> start = consumer.offsetsForTimes(Map.of(partition, since));
		long end = Objects.requireNonNull(consumer.endOffsets(List.of(partition)).get(partition));
		OffsetAndTimestamp from = start.get(partition);
		if (from == null) {
			return false;
		}
		consumer.seek(partition, from.offset());
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (consumer.position(partition) < end && System.nanoTime() < deadline) {
			for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				if (id.equals(RecordJson.header(record, EventHeaders.REDRIVE_OF))) {
					return true;
				}
			}
		}
		return false;
	}

	private ProducerRecord<byte[], byte[]> copy(ConsumerRecord<byte[], byte[]> dead, String topic, int partition,
			String id, int count) {
		RecordHeaders headers = new RecordHeaders();
		for (Header header : dead.headers()) {
			String name = header.key();
			if (!name.startsWith(DeadLetterHeaders.PREFIX) && !name.startsWith(EventHeaders.SAGA_PREFIX)) {
				headers.add(header);
			}
		}
		headers.add(EventHeaders.REDRIVE_OF, id.getBytes(StandardCharsets.UTF_8));
		headers.add(EventHeaders.REDRIVE_COUNT, Integer.toString(count).getBytes(StandardCharsets.UTF_8));
		if (this.selectors.group() != null) {
			headers.add(EventHeaders.REDRIVE_FOR, this.selectors.group().getBytes(StandardCharsets.UTF_8));
		}
		return new ProducerRecord<>(topic, partition, dead.key(), dead.value(), headers);
	}

}
