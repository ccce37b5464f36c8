package org.sevahub.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings Camunda's tables to one minor release with the SQL Camunda ships in {@code camunda-engine}: on an empty
 * database its create scripts (engine, history, identity, CMMN, DMN, in the order the engine itself uses); on a
 * database whose engine tables were made earlier (by an older SevaHub, or by the engine's own
 * {@code schema-update}), Camunda's upgrade scripts from the minor recorded in {@code ACT_GE_SCHEMA_LOG} up to
 * this one. A later SevaHub that moves to Camunda 7.25 adds one more of these for "7.25" under a new version.
 */
class CamundaSchemaMigration implements JavaMigration {

	private static final Logger log = LoggerFactory.getLogger(CamundaSchemaMigration.class);

	private static final String SCRIPTS = "org/camunda/bpm/engine/db/";

	/** The engine's own order in {@code DbSqlSession.dbSchemaCreate}. */
	private static final List<String> COMPONENTS = List.of("engine", "history", "identity", "case.engine",
			"case.history", "decision.engine", "decision.history");

	private final MigrationVersion version;

	private final String minor;

	/**
	 * @param version this migration's Flyway version
	 * @param minor   the Camunda minor release whose schema it leaves behind, e.g. {@code 7.24}
	 */
	CamundaSchemaMigration(String version, String minor) {
		this.version = MigrationVersion.fromVersion(version);
		this.minor = minor;
	}

	@Override
	public MigrationVersion getVersion() {
		return version;
	}

	@Override
	public String getDescription() {
		return "Camunda " + minor + " engine schema";
	}

	@Override
	public Integer getChecksum() {
		return minor.hashCode();
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		String database = BundledSqlScripts.databaseType(connection);
		if (!BundledSqlScripts.tableExists(connection, "ACT_GE_PROPERTY")) {
			for (String component : COMPONENTS) {
				BundledSqlScripts.run(connection, SCRIPTS + "create/activiti." + database + ".create." + component + ".sql");
			}
			log.info("Created Camunda's {} schema from the engine's own scripts", minor);
			return;
		}
		String current = recordedMinor(connection);
		if (compare(current, minor) > 0) {
			throw new IllegalStateException("Camunda's schema is at " + current + ", newer than this release's " + minor
					+ ": this is an older SevaHub than the one that last ran on this database");
		}
		while (!current.equals(minor)) {
			String next = nextMinor(current);
			String script = SCRIPTS + "upgrade/" + database + "_engine_" + current + "_to_" + next + ".sql";
			if (!BundledSqlScripts.exists(script)) {
				throw new IllegalStateException("Camunda's schema is at " + current + ", this release needs " + minor
						+ ", and the engine ships no " + script + ": upgrade through the releases in between");
			}
			BundledSqlScripts.run(connection, script);
			log.info("Upgraded Camunda's schema from {} to {}", current, next);
			current = next;
		}
	}

	/** {@code 7.23} from the newest row of the schema log ({@code 7.23.0}, or a patch level such as {@code 7.23.4}). */
	private static String recordedMinor(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG")) {
			String newest = null;
			while (rows.next()) {
				String found = minorOf(rows.getString(1));
				if (newest == null || compare(found, newest) > 0) {
					newest = found;
				}
			}
			if (newest == null) {
				throw new IllegalStateException("Camunda's tables exist but ACT_GE_SCHEMA_LOG records no version");
			}
			return newest;
		}
	}

	static String minorOf(String version) {
		String[] parts = version.split("\\.");
		return parts[0] + "." + parts[1];
	}

	static String nextMinor(String minor) {
		String[] parts = minor.split("\\.");
		return parts[0] + "." + (Integer.parseInt(parts[1]) + 1);
	}

	private static int compare(String a, String b) {
		String[] x = a.split("\\.");
		String[] y = b.split("\\.");
		int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
		return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
	}

}
