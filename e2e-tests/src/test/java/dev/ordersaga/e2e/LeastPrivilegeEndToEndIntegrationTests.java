package dev.ordersaga.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.ordersaga.infra.database.ServiceRoles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Least privilege in PostgreSQL: every service connects as its own role, which owns its
 * schema and cannot read another's; a schema left owned by someone else is handed over
 * whole.
 */
@ExtendWith(ThreadDumpsOnFailure.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeastPrivilegeEndToEndIntegrationTests {

	private RunningSaga saga;

	@BeforeAll
	void startTheSaga() {
		this.saga = RunningSaga.get();
	}

	@Test
	void eachServiceConnectsAsTheRoleThatOwnsItsSchemaAndEverythingInIt() {
		List<String> roles = RunningSaga.SCHEMAS.values().stream().map(ServiceRoles::roleOf).toList();
		assertThat(this.saga
			.query("select distinct usename from pg_stat_activity where datname = current_database()"
					+ " and usename like 'saga\\_%'")
			.stream()
			.map((row) -> (String) row.get("usename"))).containsAll(roles);
		RunningSaga.SCHEMAS.values().forEach((schema) -> {
			String role = ServiceRoles.roleOf(schema);
			assertThat(this.saga.query("select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = ?",
					schema))
				.as("owner of schema %s", schema)
				.containsExactly(Map.of("owner", role));
			assertThat(this.saga.query("select tablename from pg_tables where schemaname = ? and tableowner <> ?",
					schema, role))
				.as("tables of %s owned by another role", schema)
				.isEmpty();
			assertThat(this.saga.query("select count(*) as tables from pg_tables where schemaname = ?", schema))
				.singleElement()
				.satisfies((row) -> assertThat((Long) row.get("tables")).isPositive());
		});
	}

	@Test
	void aServicesRoleCannotReadAnotherServicesSchema() throws SQLException {
		try (Connection inventory = DriverManager.getConnection(this.saga.infra.jdbcUrl(),
				ServiceRoles.roleOf("inventory"), this.saga.infra.dbPassword());
				Statement sql = inventory.createStatement()) {
			sql.execute("select count(*) from inventory.product");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> sql.execute("select count(*) from orders.orders"))
				.satisfies((denied) -> assertThat(denied.getSQLState()).isEqualTo("42501"));
		}
	}

	@Test
	void aSchemaOwnedBySomeoneElseIsHandedOverWhole() throws SQLException {
		String schema = "legacy_" + UUID.randomUUID().toString().substring(0, 8);
		String role = ServiceRoles.roleOf(schema);
		try (Connection admin = this.saga.connect(); Statement sql = admin.createStatement()) {
			sql.execute("create schema " + schema);
			sql.execute("create table " + schema + ".thing (id bigserial primary key, name text)");
			sql.execute("create sequence " + schema + ".counter");
			sql.execute("create view " + schema + ".names as select name from " + schema + ".thing");
			try {
				ServiceRoles.ensure(admin, List.of(schema), this.saga.infra.dbPassword());
				// a second time changes nothing
				ServiceRoles.ensure(admin, List.of(schema), this.saga.infra.dbPassword());

				assertThat(this.saga
					.query("select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = ?", schema))
					.containsExactly(Map.of("owner", role));
				assertThat(this.saga.query("select c.relname, pg_get_userbyid(c.relowner) as owner from pg_class c"
						+ " join pg_namespace n on n.oid = c.relnamespace where n.nspname = ? and c.relkind in"
						+ " ('r', 'v', 'S') order by c.relname", schema))
					.extracting((row) -> row.get("relname") + "=" + row.get("owner"))
					.containsExactly("counter=" + role, "names=" + role, "thing=" + role, "thing_id_seq=" + role);
			}
			finally {
				sql.execute("drop schema " + schema + " cascade");
				sql.execute("drop role if exists " + role);
			}
		}
	}

}
