package dev.ordersaga.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import dev.ordersaga.infra.database.ServiceRoles;
import dev.ordersaga.messaging.test.SagaInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The five packaged services as processes, started once for all end-to-end test classes
 * of this JVM (they take a minute to start on a small machine) and stopped when it exits.
 */
final class RunningSaga {

	/**
	 * How long the services may take to start: four minutes, or {@code SAGA_E2E_START_UP}
	 * (e.g. {@code PT10M}) on a machine busier than that.
	 */
	static final Duration START_UP = Duration
		.parse(System.getenv().getOrDefault("SAGA_E2E_START_UP", Duration.ofMinutes(4).toString()));

	/** Each service's schema, which its own PostgreSQL role owns. */
	static final Map<String, String> SCHEMAS = Map.of("order-service", "orders", "inventory-service", "inventory",
			"payment-service", "payment", "notification-service", "notification", "analytics-service", "analytics");

	private static RunningSaga instance;

	private static String failedToStart;

	final ServiceProcess orders = new ServiceProcess("order-service");

	final ServiceProcess inventory = new ServiceProcess("inventory-service");

	final ServiceProcess payment = new ServiceProcess("payment-service");

	final ServiceProcess notification = new ServiceProcess("notification-service");

	final ServiceProcess analytics = new ServiceProcess("analytics-service");

	final List<ServiceProcess> all = new CopyOnWriteArrayList<>(
			List.of(this.orders, this.inventory, this.payment, this.notification, this.analytics));

	final SagaInfrastructure.Endpoints infra;

	private RunningSaga() {
		this.infra = SagaInfrastructure.endpoints();
	}

	static synchronized RunningSaga get() {
		if (failedToStart != null) {
			throw new IllegalStateException("The services did not start for an earlier test class: " + failedToStart);
		}
		if (instance == null) {
			RunningSaga saga = new RunningSaga();
			try {
				saga.start();
			}
			catch (RuntimeException ex) {
				// no second start over the first one's half-started processes (and
				// schemas), and no second wait of minutes for every later class
				saga.all.forEach((service) -> service.stop(Duration.ofSeconds(5)));
				// its first line: the first class's failure quotes the log
				failedToStart = ex.toString().lines().findFirst().orElse("");
				throw ex;
			}
			instance = saga;
		}
		return instance;
	}

	/** The saga, if an earlier test class started it. */
	static synchronized Optional<RunningSaga> ifStarted() {
		return Optional.ofNullable(instance);
	}

	private void start() {
		resetSchemas();
		// all at once: one after the other they outlast the time Surefire gives a JVM to
		// exit, and the rest would be left running
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			this.all.forEach(ServiceProcess::terminate);
			this.all.forEach((service) -> service.stop(Duration.ofSeconds(20)));
		}));
		this.all.forEach((service) -> service.start(this.infra));
		await().atMost(START_UP)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> this.all.stream().allMatch(ServiceProcess::isHealthy));
	}

	/**
	 * Starts one more instance of a service, in the same consumer group, and waits until
	 * it is healthy.
	 */
	synchronized ServiceProcess scaleOut(String name, String instance) {
		return scaleOut(name, instance, Map.of());
	}

	/**
	 * Starts one more instance of a service with some settings of its own, and waits
	 * until it is healthy.
	 */
	synchronized ServiceProcess scaleOut(String name, String instance, Map<String, String> settings) {
		ServiceProcess another = added(name, instance, settings);
		restart(another);
		return another;
	}

	/**
	 * One more instance of a service, not started yet, that the saga stops at the end.
	 */
	private ServiceProcess added(String name, String instance, Map<String, String> settings) {
		ServiceProcess another = new ServiceProcess(name, instance, settings);
		this.all.add(another);
		return another;
	}

	/**
	 * Makes sure two instances of the service run (the classes that need two share them),
	 * and returns them.
	 */
	synchronized List<ServiceProcess> twoInstancesOf(String name) {
		twoInstancesEach(name);
		return instancesOf(name);
	}

	/**
	 * Makes sure two instances of each of these services run; the missing ones start
	 * together, and this waits until all of them are healthy.
	 */
	synchronized void twoInstancesEach(String... names) {
		List<ServiceProcess> missing = new ArrayList<>();
		for (String name : names) {
			if (instancesOf(name).size() < 2) {
				missing.add(added(name, name + "-2", Map.of()));
			}
		}
		restart(missing);
	}

	List<ServiceProcess> instancesOf(String name) {
		return this.all.stream().filter((service) -> service.name().equals(name)).toList();
	}

	/** Stops an instance started by {@link #scaleOut} for good. */
	synchronized void scaleIn(ServiceProcess instance) {
		instance.stop(Duration.ofSeconds(20));
		this.all.remove(instance);
	}

	/**
	 * Starts a service that was stopped or killed again, and waits until it is healthy.
	 */
	void restart(ServiceProcess service) {
		restart(List.of(service));
	}

	/**
	 * Starts services together (again after a stop or a kill, or an added instance for
	 * the first time) and waits until all of them are healthy.
	 */
	void restart(List<ServiceProcess> services) {
		services.forEach((service) -> service.start(this.infra));
		await().atMost(START_UP)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> services.stream().allMatch(ServiceProcess::isHealthy));
	}

	/** Creates a product through inventory-service's API. */
	void product(String sku, String unitPrice, String currency, int onHand) {
		assertThat(this.inventory.http()
			.put("/products/" + sku,
					"{\"name\":\"" + sku + "\",\"unitPrice\":" + unitPrice + ",\"currency\":\"" + currency
							+ "\",\"onHand\":" + onHand + "}")
			.status()).as("PUT /products/%s", sku).isEqualTo(201);
	}

	/** Opens a customer's account through payment-service's API. */
	void account(String customer, String balance, String currency) {
		assertThat(this.payment.http()
			.put("/accounts/" + customer, "{\"balance\":" + balance + ",\"currency\":\"" + currency + "\"}")
			.status()).as("PUT /accounts/%s", customer).isEqualTo(201);
	}

	/** A Kafka admin client on the saga's broker; the caller closes it. */
	Admin admin() {
		return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, this.infra.kafkaBootstrapServers()));
	}

	/**
	 * Waits until the consumer group has committed offsets at the end of every partition
	 * it reads: everything published so far was handled (a group commits only after its
	 * transaction).
	 */
	void awaitCaughtUp(String group, Duration patience) {
		try (Admin admin = admin()) {
			await().atMost(patience).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
				Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
					.partitionsToOffsetAndMetadata()
					.get(10, TimeUnit.SECONDS);
				Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
				committed.keySet().forEach((partition) -> latest.put(partition, OffsetSpec.latest()));
				Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
					.all()
					.get(10, TimeUnit.SECONDS);
				assertThat(committed).isNotEmpty();
				committed.forEach((partition, offset) -> assertThat(offset.offset()).as("%s of %s", group, partition)
					.isEqualTo(ends.get(partition).offset()));
			});
		}
	}

	/** A connection to the services' database; the caller closes it. */
	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.infra.jdbcUrl(), this.infra.dbUser(), this.infra.dbPassword());
	}

	/** Rows of a query against the services' database, each column by its label. */
	List<Map<String, Object>> query(String statement, Object... parameters) {
		try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(statement)) {
			for (int i = 0; i < parameters.length; i++) {
				query.setObject(i + 1, parameters[i]);
			}
			List<Map<String, Object>> rows = new ArrayList<>();
			try (ResultSet result = query.executeQuery()) {
				ResultSetMetaData columns = result.getMetaData();
				while (result.next()) {
					Map<String, Object> row = new LinkedHashMap<>();
					for (int column = 1; column <= columns.getColumnCount(); column++) {
						row.put(columns.getColumnLabel(column), result.getObject(column));
					}
					rows.add(row);
				}
			}
			return rows;
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run " + statement, ex);
		}
	}

	/**
	 * Runs SQL against the services' database, as an operator (or a bug) would behind
	 * their back.
	 */
	void sql(String statement) {
		try (Connection connection = connect(); Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run " + statement, ex);
		}
	}

	/**
	 * Drops what an earlier run left, then gives each service its role and an empty
	 * schema the role owns, as {@code ./stack} does.
	 */
	private void resetSchemas() {
		SCHEMAS.values().forEach((schema) -> sql("drop schema if exists " + schema + " cascade"));
		try (Connection admin = connect()) {
			ServiceRoles.ensure(admin, List.copyOf(SCHEMAS.values()), this.infra.dbPassword());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot create the services' roles", ex);
		}
	}

}
