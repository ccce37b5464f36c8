package org.sevahub.platform;

import org.flywaydb.core.api.migration.JavaMigration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every table SevaHub runs on is created and upgraded by Flyway, in every profile, and never by the engine's
 * {@code schema-update}: SevaHub's own SQL under {@code db/migration}, and these, which run the scripts the
 * libraries ship (Spring Boot hands Flyway every {@link JavaMigration} bean).
 */
@Configuration(proxyBeanMethods = false)
class SchemaMigrations {

	@Bean
	JavaMigration camundaSchema724() {
		return new CamundaSchemaMigration("14", "7.24");
	}

	@Bean
	JavaMigration springSessionTables() {
		return new SpringSessionSchemaMigration("15");
	}

}
