package dev.ordersaga.messaging.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import dev.ordersaga.messaging.test.SagaInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay takes its rows with a statement PostgreSQL plans once per connection, not on
 * every round: left to itself, it planned the delete anew for each round's array and
 * limit, which cost more than running it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayStatementPlanIntegrationTests {

	private static final String SCHEMA = "relay_plan";

	private static final int ROUNDS = 10;

	private ConfigurableApplicationContext service;

	private DataSource dataSource;

	@BeforeAll
	void start() {
		SagaInfrastructure.Endpoints infra = SagaInfrastructure.endpoints();
		OutboxOnlyService.dropSchema(infra, SCHEMA);
		this.service = OutboxOnlyService.start(infra, SCHEMA, "relay-plan");
		this.dataSource = this.service.getBean(DataSource.class);
	}

	@AfterAll
	void stop() {
		this.service.close();
	}

	@Test
	void theDeleteOfEveryRoundRunsOnTheOnePlanOfItsConnection() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			for (int round = 1; round <= ROUNDS; round++) {
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
				assertThat(planned.getLong("generic_plans")).isGreaterThanOrEqualTo(ROUNDS - 5);
				assertThat(planned.getLong("custom_plans")).isZero();
			}
			connection.rollback();
		}
	}

}
