package org.sevahub.citizen;

import java.time.Instant;
import java.util.List;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.CitizenAccess;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What a number owns: the applications whose applicant gave it, newest first. */
@Repository
class MyApplications {

	/** One line of "My applications": no personal data, the number already proves who asks. */
	record Owned(String applicationNo, String serviceCode, String status, Instant createdAt, Instant submittedAt,
			Instant updatedAt) {
	}

	static final String SQL = """
			SELECT a.application_no, a.service_code, a.status, a.created_at, a.submitted_at, a.updated_at
			FROM application a JOIN applicant p ON p.id = a.applicant_id
			WHERE p.mobile IN (:mobiles)
			ORDER BY a.created_at DESC, a.id DESC LIMIT 500""";

	private final JdbcClient jdbc;

	MyApplications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Owned> of(String mobile) {
		return jdbc.sql(SQL)
			.param("mobiles", CitizenAccess.spellings(mobile))
			.query((rs, n) -> new Owned(rs.getString("application_no"), rs.getString("service_code"),
					rs.getString("status"), ApplicationRepository.instant(rs, "created_at"),
					ApplicationRepository.instant(rs, "submitted_at"), ApplicationRepository.instant(rs, "updated_at")))
			.list();
	}

}
