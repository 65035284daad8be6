package dev.ordersaga.infra.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Least privilege in PostgreSQL: one login role per service, {@code saga_<schema>}, which
 * owns the service's schema and everything in it, and nothing else. It can create and
 * migrate its tables (Flyway runs as it) and cannot read another service's schema. Run by
 * an administrator: the local stack and the end-to-end tests call it before the services
 * start. A schema left from before, owned by someone else, is handed over whole.
 */
public final class ServiceRoles {

	private ServiceRoles() {
	}

	/** The role of the service that owns the schema. */
	public static String roleOf(String schema) {
		return "saga_" + schema;
	}

	/**
	 * Creates each schema's role and the schema when missing, and makes the role own the
	 * schema and every table, view and sequence in it.
	 * @param password the roles' password; none when null or empty (trust or peer
	 * authentication)
	 */
	public static void ensure(Connection admin, List<String> schemas, @Nullable String password) throws SQLException {
		for (String schema : schemas) {
			String role = roleOf(schema);
			try (Statement sql = admin.createStatement()) {
				if (!Sql.exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
					sql.execute("create role " + Sql.quote(role) + " login");
				}
				if (password != null && !password.isEmpty()) {
					sql.execute("alter role " + Sql.quote(role) + " password '" + password.replace("'", "''") + "'");
				}
				sql.execute("create schema if not exists " + Sql.quote(schema) + " authorization " + Sql.quote(role));
				sql.execute("alter schema " + Sql.quote(schema) + " owner to " + Sql.quote(role));
				// tables first: their sequences follow them
				for (Relation relation : relationsNotOwnedBy(admin, schema, role)) {
					sql.execute("alter " + relation.kind() + " " + Sql.quote(schema) + "." + Sql.quote(relation.name())
							+ " owner to " + Sql.quote(role));
				}
			}
		}
	}

	/** A table, view or sequence, by the word {@code alter} takes for its kind. */
	private record Relation(String kind, String name) {
	}

	private static List<Relation> relationsNotOwnedBy(Connection admin, String schema, String role)
			throws SQLException {
		List<Relation> relations = new ArrayList<>();
		String query = "select c.relkind, c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
				+ " where n.nspname = ? and pg_get_userbyid(c.relowner) <> ? and c.relkind in ('r', 'p', 'v', 'm', 'S')"
				// a sequence that belongs to a column moves with its table
				+ " and not exists (select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i'))"
				+ " order by case c.relkind when 'S' then 1 else 0 end, c.relname";
		try (PreparedStatement statement = admin.prepareStatement(query)) {
			statement.setString(1, schema);
			statement.setString(2, role);
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					String kind = switch (rows.getString(1)) {
						case "v" -> "view";
						case "m" -> "materialized view";
						case "S" -> "sequence";
						default -> "table";
					};
					relations.add(new Relation(kind, rows.getString(2)));
				}
			}
		}
		return relations;
	}

}
