package org.sevahub.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What happened to an application that is not a status: SLA breaches, refunds, revocations, appeals lodged. */
@Repository
public class ApplicationEvents {

	private final JdbcClient jdbc;

	private final ObjectMapper json;

	ApplicationEvents(JdbcClient jdbc, ObjectMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	public void record(long applicationId, String kind, String detail) {
		insert(applicationId, kind, detail, null);
	}

	/**
	 * An event whose detail (English, for support staff and the audit) has its facts kept beside it as data, for
	 * the pages that put them in the reader's words ({@link RegistryAnswer}, {@link DocumentFacts}, {@link LodgedAppeal},
	 * {@link FeeRefund}, ...).
	 */
	public void record(long applicationId, String kind, String detail, Object facts) {
		try {
			insert(applicationId, kind, detail, json.writeValueAsString(facts));
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void insert(long applicationId, String kind, String detail, String facts) {
		jdbc.sql("""
				INSERT INTO application_event (application_id, kind, detail, facts, occurred_at)
				VALUES (:app, :kind, :detail, :facts, :at)""")
			.param("app", applicationId)
			.param("kind", kind)
			.param("detail", detail)
			.param("facts", facts)
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	/**
	 * The event's facts as {@code type}; empty for an event recorded without facts, and for facts this version
	 * cannot read (written by a later one, say): its English detail still says it all.
	 */
	public <T> Optional<T> facts(Event event, Class<T> type) {
		if (event.facts() == null) {
			return Optional.empty();
		}
		try {
			return Optional.ofNullable(json.readValue(event.facts(), type));
		}
		catch (JsonProcessingException unreadable) {
			return Optional.empty();
		}
	}

	public List<Event> of(long applicationId) {
		return jdbc.sql("""
				SELECT kind, detail, facts, occurred_at FROM application_event WHERE application_id = :app ORDER BY id""")
			.param("app", applicationId)
			.query((rs, row) -> new Event(rs.getString("kind"), rs.getString("detail"), rs.getString("facts"),
					ApplicationRepository.instant(rs, "occurred_at")))
			.list();
	}

	/**
	 * @param facts the event's facts as JSON, shaped by its kind; null for an event recorded without (every event
	 *              before V78, and one recorded before its kind kept facts)
	 */
	public record Event(String kind, String detail, String facts, Instant occurredAt) {
	}

}
