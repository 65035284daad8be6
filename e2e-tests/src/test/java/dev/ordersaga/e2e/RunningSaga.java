package dev.ordersaga.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.ordersaga.messaging.test.SagaInfrastructure;

import static org.awaitility.Awaitility.await;

/**
 * The five packaged services as processes, started once for all end-to-end test classes
 * of this JVM (they take a minute to start on a small machine) and stopped when it exits.
 */
final class RunningSaga {

	static final Duration START_UP = Duration.ofMinutes(4);

	private static final List<String> SCHEMAS = List.of("orders", "inventory", "payment", "notification", "analytics");

	private static RunningSaga instance;

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
		if (instance == null) {
			RunningSaga saga = new RunningSaga();
			saga.start();
			instance = saga;
		}
		return instance;
	}

	private void start() {
		resetSchemas();
		Runtime.getRuntime()
			.addShutdownHook(new Thread(() -> this.all.forEach((service) -> service.stop(Duration.ofSeconds(20)))));
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
		ServiceProcess another = new ServiceProcess(name, instance);
		this.all.add(another);
		another.start(this.infra);
		await().atMost(START_UP).pollInterval(Duration.ofSeconds(1)).until(another::isHealthy);
		return another;
	}

	/**
	 * Runs SQL against the services' database, as an operator (or a bug) would behind
	 * their back.
	 */
	void sql(String statement) {
		try (Connection connection = DriverManager.getConnection(this.infra.jdbcUrl(), this.infra.dbUser(),
				this.infra.dbPassword()); Statement sql = connection.createStatement()) {
			sql.execute(statement);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot run " + statement, ex);
		}
	}

	private void resetSchemas() {
		SCHEMAS.forEach((schema) -> sql("drop schema if exists " + schema + " cascade"));
	}

}
