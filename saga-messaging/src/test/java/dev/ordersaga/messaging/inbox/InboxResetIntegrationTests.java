package dev.ordersaga.messaging.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.ordersaga.messaging.test.SagaInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StreamUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox forgets what one group processed, in a real PostgreSQL and Redis: the rows of
 * {@code processed_event} in the caller's transaction, and the group's marks in Redis,
 * however many, and no other group's.
 */
class InboxResetIntegrationTests {

	private static final String SCHEMA = "saga_messaging_inbox_reset";

	private static SingleConnectionDataSource dataSource;

	private static LettuceConnectionFactory redisConnections;

	private final JdbcTemplate jdbc = new JdbcTemplate(dataSource);

	private final StringRedisTemplate redis = new StringRedisTemplate(redisConnections);

	private final String group = "group-" + UUID.randomUUID();

	private final RedisIdempotency marks = new RedisIdempotency(this.redis, this.group, Duration.ofMinutes(1),
			Duration.ofMinutes(5));

	private final InboxReset reset = new InboxReset(new ProcessedEvents(this.jdbc), this.marks);

	@BeforeAll
	static void connect() throws Exception {
		SagaInfrastructure.Endpoints infra = SagaInfrastructure.endpoints();
		try (Connection connection = DriverManager.getConnection(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword());
				Statement statement = connection.createStatement()) {
			statement.execute("drop schema if exists " + SCHEMA + " cascade");
			statement.execute("create schema " + SCHEMA);
			statement.execute("set search_path to " + SCHEMA);
			statement.execute(StreamUtils.copyToString(
					new ClassPathResource("db/saga-messaging/V0_2__processed_event.sql").getInputStream(),
					StandardCharsets.UTF_8));
		}
		dataSource = new SingleConnectionDataSource(infra.jdbcUrl(), infra.dbUser(), infra.dbPassword(), true);
		dataSource.setSchema(SCHEMA);
		redisConnections = new LettuceConnectionFactory(
				LettuceConnectionFactory.createRedisConfiguration(infra.redisUrl()));
		redisConnections.afterPropertiesSet();
		redisConnections.start();
	}

	@AfterAll
	static void disconnect() throws SQLException {
		redisConnections.destroy();
		dataSource.destroy();
	}

	@Test
	void forgetsTheProcessedEventsInTheCallersTransaction() {
		this.jdbc.update("insert into processed_event (event_id, event_type) values (?, 'order.created'), "
				+ "(?, 'order.confirmed')", UUID.randomUUID(), UUID.randomUUID());
		TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));

		Integer rolledBack = transactions.execute((status) -> {
			int forgotten = this.reset.forgetProcessedEvents();
			status.setRollbackOnly();
			return forgotten;
		});
		assertThat(rolledBack).isEqualTo(2);
		assertThat(rows()).isEqualTo(2);

		Integer committed = transactions.execute((status) -> this.reset.forgetProcessedEvents());
		assertThat(committed).isEqualTo(2);
		assertThat(rows()).isZero();
	}

	@Test
	void forgetsEveryMarkOfThisGroupAndNoneOfAnother() {
		List<UUID> mine = IntStream.range(0, 2_500).mapToObj((i) -> UUID.randomUUID()).toList();
		List<UUID> theirs = List.of(UUID.randomUUID(), UUID.randomUUID());
		RedisIdempotency other = new RedisIdempotency(this.redis, "other-" + this.group, Duration.ofMinutes(1),
				Duration.ofMinutes(5));
		this.marks.markDone(mine);
		other.markDone(theirs);
		assertThat(this.marks.markInFlight(mine).done()).hasSize(mine.size());

		assertThat(this.reset.forgetRedisMarks()).isEqualTo(mine.size());

		assertThat(this.marks.markInFlight(mine).done()).isEmpty();
		assertThat(other.markInFlight(theirs).done()).containsExactlyInAnyOrderElementsOf(theirs);
		this.marks.forgetAll();
		other.forgetAll();
	}

	private int rows() {
		Integer rows = this.jdbc.queryForObject("select count(*) from processed_event", Integer.class);
		return (rows != null) ? rows : 0;
	}

}
