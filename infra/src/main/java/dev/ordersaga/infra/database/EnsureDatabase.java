package dev.ordersaga.infra.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Creates the application database when it is missing, so that the local stack needs
 * nothing but a reachable PostgreSQL, and gives each service schema named on the command
 * line its own role ({@link ServiceRoles}). Each service then migrates its own schema as
 * its own role.
 *
 * <p>
 * Usage: {@code EnsureDatabase JDBC_URL ADMIN_USER ADMIN_PASSWORD [SCHEMA ...]} (the
 * password may be empty). Exits 0 when the database and roles are ready, 1 with one line
 * on standard error otherwise.
 */
public final class EnsureDatabase {

	private EnsureDatabase() {
	}

	public static void main(String[] args) {
		if (args.length < 2) {
			System.err.println("usage: EnsureDatabase JDBC_URL ADMIN_USER [ADMIN_PASSWORD [SCHEMA ...]]");
			System.exit(2);
		}
		String url = args[0];
		String user = args[1];
		String password = (args.length > 2) ? args[2] : "";
		List<String> schemas = (args.length > 3) ? List.of(args).subList(3, args.length) : List.of();
		int slash = url.lastIndexOf('/');
		int query = url.indexOf('?', slash);
		String database = url.substring(slash + 1, (query > 0) ? query : url.length());
		String maintenanceUrl = url.substring(0, slash + 1) + "postgres";
		try (Connection connection = DriverManager.getConnection(maintenanceUrl, user, password)) {
			if (Sql.exists(connection, "select 1 from pg_database where datname = ?", database)) {
				System.out.println("database " + database + " exists");
			}
			else {
				try (Statement statement = connection.createStatement()) {
					statement.execute("create database " + Sql.quote(database));
				}
				System.out.println("database " + database + " created");
			}
		}
		catch (SQLException ex) {
			System.err.println("Cannot create database " + database + " at " + maintenanceUrl + ": " + ex.getMessage());
			System.exit(1);
		}
		if (schemas.isEmpty()) {
			return;
		}
		try (Connection connection = DriverManager.getConnection(url, user, password)) {
			ServiceRoles.ensure(connection, schemas, password);
			System.out.println("roles " + String.join(", ", schemas.stream().map(ServiceRoles::roleOf).toList())
					+ " own their schemas");
		}
		catch (SQLException ex) {
			System.err.println("Cannot prepare the services' roles in " + database + ": " + ex.getMessage());
			System.exit(1);
		}
	}

}
