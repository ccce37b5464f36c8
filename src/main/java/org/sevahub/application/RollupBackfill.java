package org.sevahub.application;

import java.time.ZoneId;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The RTS roll-up's backfill (Flyway 74.1, after V73 created {@code rts_day} and V74 its change log): an installation upgrading counts its
 * history once, with the same definition the live changes use (DailyRollup), in Flyway's transaction and before the
 * application serves anyone, so no write can race it. On a new database it counts nothing.
 */
@Configuration(proxyBeanMethods = false)
class RollupBackfill {

	@Bean
	JavaMigration rtsDailyBackfill(@Value("${sevahub.time-zone}") ZoneId zone) {
		return new JavaMigration() {

			@Override
			public MigrationVersion getVersion() {
				return MigrationVersion.fromVersion("74.1");
			}

			@Override
			public String getDescription() {
				return "RTS daily roll-up backfill";
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
				DailyRollup.rebuild(context.getConnection(), zone);
			}

		};
	}

}
