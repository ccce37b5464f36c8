package org.sevahub.application;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened to an application that is not a status: SLA breaches, refunds, revocations, appeals lodged. */
@Repository
public class ApplicationEvents {

	private final JdbcClient jdbc;

	ApplicationEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(long applicationId, String kind, String detail) {
		jdbc.sql("""
				INSERT INTO application_event (application_id, kind, detail, occurred_at)
				VALUES (:app, :kind, :detail, :at)""")
			.param("app", applicationId)
			.param("kind", kind)
			.param("detail", detail)
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	public List<Event> of(long applicationId) {
		return jdbc.sql("SELECT kind, detail, occurred_at FROM application_event WHERE application_id = :app ORDER BY id")
			.param("app", applicationId)
			.query((rs, row) -> new Event(rs.getString("kind"), rs.getString("detail"),
					ApplicationRepository.instant(rs, "occurred_at")))
			.list();
	}

	public record Event(String kind, String detail, Instant occurredAt) {
	}

}
