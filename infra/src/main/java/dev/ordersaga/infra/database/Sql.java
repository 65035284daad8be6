package dev.ordersaga.infra.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the database bootstrap asks PostgreSQL's catalog and how it names things. */
final class Sql {

	private Sql() {
	}

	/** Whether the query, given one value, finds a row. */
	static boolean exists(Connection connection, String query, String value) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(query)) {
			statement.setString(1, value);
			try (ResultSet rows = statement.executeQuery()) {
				return rows.next();
			}
		}
	}

	/** An identifier (database, role, schema) quoted for PostgreSQL. */
	static String quote(String identifier) {
		return "\"" + identifier.replace("\"", "\"\"") + "\"";
	}

}
