package dev.ordersaga.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.ordersaga.events.OrderCreated;
import dev.ordersaga.events.OrderId;
import dev.ordersaga.events.OrderLine;
import dev.ordersaga.events.Topics;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import dev.ordersaga.messaging.test.TopicProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events of a transaction reach the outbox table when it commits, all of them and in
 * the order they were published, and not at all when it rolls back; an inner transaction
 * that suspends it keeps its events apart. The committing thread sends them itself,
 * unless an older row of their key still waits in the outbox: then the relay publishes
 * both, the older first. The relay takes its rows with a statement PostgreSQL plans once
 * per connection, not anew for every round's array and limit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxIntegrationTests {

	private static final String SCHEMA = "outbox_alone";

	private final JsonMapper json = JsonMapper.builder().build();

	private ConfigurableApplicationContext service;

	private Outbox outbox;

	private JdbcTemplate jdbc;

	private TransactionTemplate transactions;

	private TopicProbe topics;

	@BeforeAll
	void start() {
		SagaInfrastructure.Endpoints infra = SagaInfrastructure.endpoints();
		OutboxOnlyService.dropSchema(infra, SCHEMA);
		this.service = OutboxOnlyService.start(infra, SCHEMA, "outbox-alone");
		this.outbox = this.service.getBean(Outbox.class);
		this.jdbc = this.service.getBean(JdbcTemplate.class);
		this.transactions = new TransactionTemplate(this.service.getBean(PlatformTransactionManager.class));
		this.topics = new TopicProbe(infra.kafkaBootstrapServers());
	}

	@AfterAll
	void stop() {
		this.service.close();
	}

	@Test
	void aTransactionsEventsAreWrittenWhenItCommitsInTheOrderTheyWerePublished() {
		OrderId order = OrderId.random();

		int beforeCommit = this.transactions.execute((status) -> {
			for (int sequence = 1; sequence <= 3; sequence++) {
				this.outbox.publish(event(order, sequence));
			}
			return rowsOf(order);
		});

		assertThat(beforeCommit).as("rows written before the commit").isZero();
		assertThat(published(order, 3)).containsExactly(1, 2, 3);
	}

	@Test
	void eventsAreSentOnCommitAndTheirRowsDeletedOnceTheBrokerHasThem() {
		OrderId order = OrderId.random();
		// an earlier test's rows on their way out would leave these to the relay
		OutboxOnlyService.awaitIdle(this.service);
		double byCommit = published("commit");
		double byRelay = published("relay");

		this.transactions.executeWithoutResult((status) -> {
			this.outbox.publish(event(order, 1));
			this.outbox.publish(event(order, 2));
		});

		assertThat(published(order, 2)).containsExactly(1, 2);
		OutboxOnlyService.awaitNoRowsOf(this.service, order);
		assertThat(published("commit") - byCommit).as("sent by the committing thread").isEqualTo(2);
		assertThat(published("relay") - byRelay).as("sent by the relay").isZero();
	}

	@Test
	void anEventBehindAnOlderRowOfItsKeyIsLeftToTheRelayWhichPublishesTheOlderFirst() {
		OrderId order = OrderId.random();
		double byCommit = published("commit");
		double byRelay = published("relay");
		// a row whose send failed, or that another instance's relay is publishing: still
		// in the outbox, and the relay not woken for it
		this.jdbc.update(
				"insert into outbox_event (event_id, topic, message_key, event_type, payload, traceparent)"
						+ " values (?, ?, ?, ?, ?, ?)",
				UUID.randomUUID(), Topics.ORDER_CREATED, order.toString(), Topics.ORDER_CREATED,
				this.json.writeValueAsBytes(event(order, 1)), "00-" + "1".repeat(32) + "-" + "2".repeat(16) + "-01");

		this.transactions.executeWithoutResult((status) -> this.outbox.publish(event(order, 2)));

		assertThat(published(order, 2)).containsExactly(1, 2);
		assertThat(published("relay") - byRelay).as("sent by the relay").isEqualTo(2);
		assertThat(published("commit") - byCommit).as("sent by the committing thread").isZero();
	}

	@Test
	void theRelaysDeleteRunsOnTheOnePlanOfItsConnectionEveryRound() throws SQLException {
		int rounds = 10;
		try (Connection connection = this.service.getBean(DataSource.class).getConnection()) {
			connection.setAutoCommit(false);
			for (int round = 1; round <= rounds; round++) {
				try (PreparedStatement take = connection.prepareStatement(OutboxRelay.TAKE_BATCH)) {
					take.setLong(1, 4242);
					take.setArray(2, connection.createArrayOf("bigint", new Long[] { (long) round }));
					take.setInt(3, 100 + round);
					take.execute();
					assertThat(take.getMoreResults()).as("the delete's rows follow the lock").isTrue();
				}
				connection.rollback();
			}
			try (PreparedStatement plans = connection.prepareStatement(
					"select generic_plans, custom_plans from pg_prepared_statements where statement like '%delete from outbox_event%'");
					ResultSet planned = plans.executeQuery()) {
				assertThat(planned.next()).as("the driver prepared the delete on the server").isTrue();
				// the driver prepares a statement on the server from its fifth use on
				assertThat(planned.getLong("generic_plans")).isGreaterThanOrEqualTo(rounds - 5);
				assertThat(planned.getLong("custom_plans")).isZero();
			}
			connection.rollback();
		}
	}

	private double published(String by) {
		return OutboxOnlyService.published(this.service, by);
	}

	@Test
	void aRolledBackTransactionWritesNothing() {
		OrderId rolledBack = OrderId.random();
		OrderId committed = OrderId.random();

		this.transactions.executeWithoutResult((status) -> {
			this.outbox.publish(event(rolledBack, 1));
			status.setRollbackOnly();
		});
		this.transactions.executeWithoutResult((status) -> this.outbox.publish(event(committed, 1)));

		assertThat(published(committed, 1)).containsExactly(1);
		assertThat(this.topics.records(Topics.ORDER_CREATED, rolledBack.value())).isEmpty();
		assertThat(rowsOf(rolledBack)).isZero();
	}

	@Test
	void anInnerTransactionCommitsOnlyItsOwnEvents() {
		OrderId outer = OrderId.random();
		OrderId inner = OrderId.random();
		TransactionTemplate requiresNew = new TransactionTemplate(
				this.service.getBean(PlatformTransactionManager.class));
		requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		this.transactions.executeWithoutResult((status) -> {
			this.outbox.publish(event(outer, 1));
			requiresNew.executeWithoutResult((innerStatus) -> this.outbox.publish(event(inner, 1)));
			assertThat(published(inner, 1)).containsExactly(1);
			assertThat(rowsOf(outer)).as("the outer transaction's rows while it runs").isZero();
			this.outbox.publish(event(outer, 2));
		});

		assertThat(published(outer, 2)).containsExactly(1, 2);
	}

	private int rowsOf(OrderId order) {
		return OutboxOnlyService.rowsOf(this.service, order);
	}

	private static List<Integer> published(OrderId order, int count) {
		return OutboxOnlyService.publishedSequences(order, count);
	}

	private static OrderCreated event(OrderId order, int sequence) {
		return new OrderCreated(order, "outbox-" + UUID.randomUUID(), List.of(new OrderLine("SEQUENCE", sequence)),
				Instant.now());
	}

}
