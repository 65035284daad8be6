package dev.ordersaga.messaging.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * When the committing thread sends its own rows and when it leaves them to the relay: a
 * send that the producer fails leaves its row in the outbox, and the relay, woken by the
 * failure, publishes it before the key's next event; while a send on commit awaits its
 * acknowledgement, the next transaction's rows go to the relay; a relay round that starts
 * while a committing thread hands its rows to the producer leaves them to it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SendOnCommitIntegrationTests {

	private static final String SCHEMA = "outbox_send_on_commit";

	private ConfigurableApplicationContext service;

	@BeforeAll
	void start() {
		SagaInfrastructure.Endpoints infra = SagaInfrastructure.endpoints();
		OutboxOnlyService.dropSchema(infra, SCHEMA);
		this.service = OutboxOnlyService.start(infra, SCHEMA, "outbox-send-on-commit", ControlledSends.class);
	}

	@AfterAll
	void stop() {
		this.service.close();
	}

	@Test
	void aRowWhoseSendOnCommitFailedIsPublishedByTheRelayBeforeTheNextEventOfItsKey() {
		OrderId order = OrderId.random();
		OutboxOnlyService.awaitIdle(this.service);
		double byRelay = published("relay");
		template().failures.set(1);

		publish(order, 1);
		// the sweep is an hour away: only the failure's wake-up publishes it now
		assertThat(published(order, 1)).containsExactly(1);
		assertThat(template().failures).hasValue(0);
		assertThat(published("relay") - byRelay).as("sent by the relay").isEqualTo(1);
		publish(order, 2);

		assertThat(published(order, 2)).containsExactly(1, 2);
		OutboxOnlyService.awaitNoRowsOf(this.service, order);
	}

	@Test
	void whileASendOnCommitAwaitsItsAcknowledgementTheNextTransactionsRowsAreLeftToTheRelay() {
		OrderId first = OrderId.random();
		OrderId second = OrderId.random();
		OutboxOnlyService.awaitIdle(this.service);
		double byCommit = published("commit");
		double byRelay = published("relay");
		CompletableFuture<Void> acknowledgements = template().holdAcknowledgements();

		publish(first, 1);
		publish(second, 1);

		// the relay publishes the second while the first's acknowledgement is held
		assertThat(published(second, 1)).containsExactly(1);
		assertThat(published("relay") - byRelay).as("sent by the relay").isEqualTo(1);
		acknowledgements.complete(null);
		assertThat(published(first, 1)).containsExactly(1);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(published("commit") - byCommit).as("sent by the committing thread").isEqualTo(1));
		OutboxOnlyService.awaitNoRowsOf(this.service, first, second);
	}

	@Test
	void aRelayRoundThatStartsWhileACommittingThreadHandsItsRowsOverLeavesThemToIt() throws Exception {
		OrderId order = OrderId.random();
		OutboxRelay relay = this.service.getBean(OutboxRelay.class);
		OutboxOnlyService.awaitIdle(this.service);
		double byRelay = published("relay");
		BlockedSend handOver = template().blockNextSend();

		// the committing thread stops inside the producer's send, its row committed
		CompletableFuture<Void> committing = CompletableFuture.runAsync(() -> publish(order, 1));
		try {
			assertThat(handOver.entered().await(30, TimeUnit.SECONDS)).isTrue();
			relay.wake();
			await().atMost(Duration.ofSeconds(30)).until(relay::waitsForHandOff);
		}
		finally {
			handOver.release().countDown();
		}
		committing.get(30, TimeUnit.SECONDS);

		OutboxOnlyService.awaitNoRowsOf(this.service, order);
		OutboxOnlyService.awaitIdle(this.service);
		assertThat(published("relay") - byRelay).as("sent by the relay").isZero();
		assertThat(published(order, 1)).as("copies on the topic").containsExactly(1);
	}

	private void publish(OrderId order, int sequence) {
		Outbox outbox = this.service.getBean(Outbox.class);
		new TransactionTemplate(this.service.getBean(PlatformTransactionManager.class))
			.executeWithoutResult((status) -> outbox.publish(new OrderCreated(order, "send-on-commit",
					List.of(new OrderLine("SEQUENCE", sequence)), Instant.now())));
	}

	private static List<Integer> published(OrderId order, int count) {
		return OutboxOnlyService.publishedSequences(order, count);
	}

	private ControlledTemplate template() {
		return (ControlledTemplate) this.service.getBean(KafkaTemplate.class);
	}

	private double published(String by) {
		return OutboxOnlyService.published(this.service, by);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ControlledSends {

		/** Declared as Boot declares its own template, so that every user takes it. */
		@Bean
		KafkaTemplate<?, ?> kafkaTemplate(ProducerFactory<String, byte[]> producers) {
			return new ControlledTemplate(producers);
		}

	}

	/** A send stopped by the test: it has entered the template, and waits for release. */
	record BlockedSend(CountDownLatch entered, CountDownLatch release) {
	}

	/**
	 * Fails as many sends as it is told to, as a producer does when the broker is gone,
	 * and, once told to, tells the sender of the next record that the broker has it only
	 * when the test says so (the record itself goes out at once).
	 */
	static class ControlledTemplate extends KafkaTemplate<String, byte[]> {

		final AtomicInteger failures = new AtomicInteger();

		private final AtomicReference<@Nullable CompletableFuture<Void>> held = new AtomicReference<>();

		private final AtomicReference<@Nullable BlockedSend> blocked = new AtomicReference<>();

		ControlledTemplate(ProducerFactory<String, byte[]> producers) {
			super(producers);
		}

		/** The next send stops before it reaches the producer until it is released. */
		BlockedSend blockNextSend() {
			BlockedSend send = new BlockedSend(new CountDownLatch(1), new CountDownLatch(1));
			this.blocked.set(send);
			return send;
		}

		CompletableFuture<Void> holdAcknowledgements() {
			CompletableFuture<Void> release = new CompletableFuture<>();
			this.held.set(release);
			return release;
		}

		@Override
		public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
			if (this.failures.getAndUpdate((left) -> Math.max(0, left - 1)) > 0) {
				return CompletableFuture.failedFuture(new KafkaException("send failed (injected by the test)"));
			}
			BlockedSend stop = this.blocked.getAndSet(null);
			if (stop != null) {
				stop.entered().countDown();
				try {
					stop.release().await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new KafkaException("interrupted while blocked by the test", ex);
				}
			}
			CompletableFuture<SendResult<String, byte[]>> sent = super.send(record);
			CompletableFuture<Void> release = this.held.getAndSet(null);
			return (release != null) ? sent.thenCombine(release, (result, released) -> result) : sent;
		}

	}

}
