package dev.ordersaga.messaging.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Creates a test database on the local PostgreSQL when it is missing. */
public final class TestDatabase {

	private TestDatabase() {
	}

	public static void ensureExists(String jdbcUrl, String user, String password) {
		int slash = jdbcUrl.lastIndexOf('/');
		String name = jdbcUrl.substring(slash + 1).replaceAll("\\?.*", "");
		String maintenance = jdbcUrl.substring(0, slash + 1) + "postgres";
		try (Connection connection = DriverManager.getConnection(maintenance, user, password);
				Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
				if (rs.next()) {
					return;
				}
			}
			statement.execute("create database \"" + name + "\"");
		}
		catch (SQLException ex) {
			if (!"42P04".equals(ex.getSQLState())) { // created concurrently by another
														// test JVM
				throw new IllegalStateException(
						"Cannot create test database " + name + " at " + maintenance + " (is PostgreSQL running?)", ex);
			}
		}
	}

}
