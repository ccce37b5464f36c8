package org.sevahub.platform;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/** Spring Session's JDBC tables, from the script {@code spring-session-jdbc} ships for the database in use. */
class SpringSessionSchemaMigration implements JavaMigration {

	private final MigrationVersion version;

	SpringSessionSchemaMigration(String version) {
		this.version = MigrationVersion.fromVersion(version);
	}

	@Override
	public MigrationVersion getVersion() {
		return version;
	}

	@Override
	public String getDescription() {
		return "Spring Session tables";
	}

	@Override
	public Integer getChecksum() {
		return 1;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws Exception {
		String database = BundledSqlScripts.databaseType(context.getConnection());
		BundledSqlScripts.run(context.getConnection(),
				"org/springframework/session/jdbc/schema-" + (database.equals("postgres") ? "postgresql" : database) + ".sql");
	}

}
