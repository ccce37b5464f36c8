package org.sevahub.office;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The office recorded on each application ({@code application.office_code}, V70). */
@Repository
public class ApplicationOffices {

	private final JdbcClient jdbc;

	ApplicationOffices(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<String> officeOf(long applicationId) {
		return jdbc.sql("SELECT office_code FROM application WHERE id = :id")
			.param("id", applicationId)
			.query(String.class)
			.optional();
	}

	void record(long applicationId, String officeCode) {
		jdbc.sql("UPDATE application SET office_code = :office WHERE id = :id")
			.param("office", officeCode)
			.param("id", applicationId)
			.update();
	}

}
