package org.sevahub.office;

import java.util.Map;
import java.util.Optional;

import org.sevahub.application.DailyRollup;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The office recorded on each application ({@code application.office_code}, V70). */
@Repository
public class ApplicationOffices {

	private final JdbcClient jdbc;

	private final DailyRollup rollup;

	ApplicationOffices(JdbcClient jdbc, DailyRollup rollup) {
		this.jdbc = jdbc;
		this.rollup = rollup;
	}

	public Optional<String> officeOf(long applicationId) {
		return jdbc.sql("SELECT office_code FROM application WHERE id = :id")
			.param("id", applicationId)
			.query(String.class)
			.optional();
	}

	void record(long applicationId, String officeCode) {
		// A transfer moves every RTS figure of the application to the new office (the dashboard's roll-up).
		rollup.update(applicationId, "UPDATE application SET office_code = :office WHERE id = :id",
				Map.of("office", officeCode, "id", applicationId));
	}

}
