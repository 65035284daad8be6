package dev.ordersaga.messaging.replay;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntSupplier;
import java.util.stream.Collectors;

import dev.ordersaga.messaging.inbox.InboxReset;
import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds a read model (a projection of events, such as analytics' figures) from the
 * topics. It stops this instance's listeners, so no event is half-applied; clears the
 * read model and has the inbox forget what the group processed ({@link InboxReset});
 * moves the group's committed offsets to the earliest records; and starts the listeners
 * again, which then consume every retained event into the empty model. The group must
 * have no other member: another instance would go on applying events into the model being
 * cleared, and Kafka does not move the offsets of a group with members.
 */
public class ReadModelRebuild {

	private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	private final KafkaListenerEndpointRegistry listeners;

	private final KafkaAdmin kafkaAdmin;

	private final InboxReset inbox;

	private final TransactionTemplate transactions;

	/** Asks again every quarter second, for {@link #PATIENCE} at most. */
	private final RetryTemplate membersLeft = new RetryTemplate(RetryPolicy.builder()
		.includes(OtherInstancesException.class)
		.delay(Duration.ofMillis(250))
		.maxRetries(Long.MAX_VALUE)
		.timeout(PATIENCE)
		.build());

	private final String group;

	private final RecentReplays recentReplays;

	ReadModelRebuild(KafkaListenerEndpointRegistry listeners, KafkaAdmin kafkaAdmin, InboxReset inbox,
			PlatformTransactionManager transactionManager, RecentReplays recentReplays, String group) {
		this.recentReplays = recentReplays;
		this.listeners = listeners;
		this.kafkaAdmin = kafkaAdmin;
		this.inbox = inbox;
		this.transactions = new TransactionTemplate(transactionManager);
		this.group = group;
	}

	/**
	 * What a rebuild cleared and how much it has to consume again.
	 *
	 * @param readModelRows rows of the read model deleted
	 * @param processedEvents {@code processed_event} rows deleted
	 * @param redisMarks idempotency marks deleted from Redis
	 * @param partitions partitions moved to their earliest record
	 * @param records records to consume again
	 */
	@Schema(name = "RebuildReport")
	public record Report(String group, int readModelRows, int processedEvents, long redisMarks, int partitions,
			long records) {
	}

	/** The group has members besides this instance: a rebuild cannot start. */
	public static class OtherInstancesException extends RuntimeException {

		OtherInstancesException(String message) {
			super(message);
		}

	}

	/**
	 * Rebuilds the read model.
	 * @param clearReadModel deletes the read model's rows, inside the transaction that
	 * also deletes the idempotency records; returns how many it deleted
	 */
	public synchronized Report rebuild(IntSupplier clearReadModel) {
		log.info("Rebuilding the read model of {}: stopping its listeners", this.group);
		this.listeners.getListenerContainers().forEach(MessageListenerContainer::stop);
		try (Admin admin = Admin.create(this.kafkaAdmin.getConfigurationProperties())) {
			awaitNoMembers(admin);
			int[] cleared = this.transactions
				.execute((status) -> new int[] { clearReadModel.getAsInt(), this.inbox.forgetProcessedEvents() });
			long marks = this.inbox.forgetRedisMarks();
			Map<TopicPartition, Long> moved = moveToEarliest(admin);
			// partitions assigned from here on start at the earliest, not at an older
			// replay's target
			this.recentReplays.clear();
			Report report = new Report(this.group, cleared[0], cleared[1], marks, moved.size(),
					moved.values().stream().mapToLong(Long::longValue).sum());
			log.info("Rebuild of {}: {}", this.group, report);
			return report;
		}
		finally {
			this.listeners.getListenerContainers().forEach(MessageListenerContainer::start);
			log.info("Rebuild of {}: listeners started again", this.group);
		}
	}

	/**
	 * Waits until the group has no member left besides this instance's stopped listeners,
	 * which leave it at once; another instance does not.
	 */
	private void awaitNoMembers(Admin admin) {
		try {
			this.membersLeft.execute(() -> {
				int members = await(Objects.requireNonNull(
						admin.describeConsumerGroups(List.of(this.group)).describedGroups().get(this.group)))
					.members()
					.size();
				if (members > 0) {
					throw new OtherInstancesException("consumer group " + this.group + " still has " + members
							+ " member(s) with this instance's listeners stopped: other instances are running; "
							+ "stop them (run one instance) and rebuild again");
				}
				return members;
			});
		}
		catch (RetryException ex) {
			if (ex.getCause() instanceof RuntimeException failure) {
				throw failure;
			}
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	/**
	 * Moves every partition the group has an offset for; returns the records to consume
	 * again.
	 */
	private Map<TopicPartition, Long> moveToEarliest(Admin admin) {
		Map<TopicPartition, OffsetAndMetadata> committed = await(
				admin.listConsumerGroupOffsets(this.group).partitionsToOffsetAndMetadata());
		Map<TopicPartition, ListOffsetsResultInfo> earliest = await(admin
			.listOffsets(
					committed.keySet().stream().collect(Collectors.toMap((tp) -> tp, (tp) -> OffsetSpec.earliest())))
			.all());
		Map<TopicPartition, Long> ends = await(admin
			.listOffsets(committed.keySet().stream().collect(Collectors.toMap((tp) -> tp, (tp) -> OffsetSpec.latest())))
			.all()).entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
		await(admin
			.alterConsumerGroupOffsets(this.group,
					earliest.entrySet()
						.stream()
						.collect(Collectors.toMap(Map.Entry::getKey,
								(entry) -> new OffsetAndMetadata(entry.getValue().offset()))))
			.all());
		return earliest.entrySet()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey,
					(entry) -> Objects.requireNonNull(ends.get(entry.getKey())) - entry.getValue().offset()));
	}

	private static <T> T await(KafkaFuture<T> future) {
		try {
			return future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}
		catch (ExecutionException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IllegalStateException("Kafka refused: " + cause.getMessage(), cause);
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("Kafka did not answer within " + PATIENCE.toSeconds() + " s", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}

}
