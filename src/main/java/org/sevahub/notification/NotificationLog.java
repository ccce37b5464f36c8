package org.sevahub.notification;

import java.time.Instant;
import java.util.List;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The notification table: what was queued for whom, what became of it, and what was refused. */
@Repository
class NotificationLog {

	enum State {

		/** In the outbox, not yet taken by the gateway or the mail server. */
		QUEUED,
		/** The gateway (or SMTP server) took it; for SMS a delivery report may follow. */
		SENT,
		/** The gateway reported it delivered to the handset. */
		DELIVERED,
		/** The gateway refused it, or reported it undeliverable. */
		FAILED,
		/** Never sent: no DLT template for its event and language, or its text does not fit the template. */
		UNREGISTERED,
		/** An e-mail not sent because the citizen opted out after it was queued. */
		OPTED_OUT

	}

	/** One row, as the admin sees it. */
	record Entry(long id, String applicationNo, String channel, String event, String language, State state,
			String templateId, String entityId, String encoding, Integer segments, String body, String reason,
			Instant createdAt, Instant sentAt, Instant reportedAt) {
	}

	private final JdbcClient jdbc;

	NotificationLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long queued(long applicationId, String channel, String event, String language, String templateId,
			String entityId, SmsSegments segments, String body) {
		return insert(applicationId, channel, event, language, State.QUEUED, templateId, entityId, segments, body, null);
	}

	long unregistered(Long applicationId, String event, String language, String templateId, String entityId,
			String body, String reason) {
		return insert(applicationId, "sms", event, language, State.UNREGISTERED, templateId, entityId,
				body == null ? null : SmsSegments.of(body), body, reason);
	}

	private long insert(Long applicationId, String channel, String event, String language, State state,
			String templateId, String entityId, SmsSegments segments, String body, String reason) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO notification (application_id, channel, event, language, state, template_id, entity_id,
				    encoding, segments, body, reason, created_at)
				VALUES (:app, :channel, :event, :language, :state, :template, :entity, :encoding, :segments, :body,
				    :reason, :now)""")
			.param("app", applicationId)
			.param("channel", channel)
			.param("event", event)
			.param("language", language)
			.param("state", state.name())
			.param("template", templateId)
			.param("entity", entityId)
			.param("encoding", segments == null ? null : segments.encoding().name())
			.param("segments", segments == null ? null : segments.segments())
			.param("body", truncate(body, 2000))
			.param("reason", truncate(reason, 1000))
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void sent(long id, String gatewayRef) {
		jdbc.sql("""
				UPDATE notification SET state = 'SENT', gateway_ref = :ref, sent_at = :now, reason = NULL
				WHERE id = :id AND state IN ('QUEUED', 'FAILED')""")
			.param("ref", gatewayRef)
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.param("id", id)
			.update();
	}

	void failed(long id, String reason) {
		jdbc.sql("UPDATE notification SET state = 'FAILED', reason = :reason WHERE id = :id")
			.param("reason", truncate(reason, 1000))
			.param("id", id)
			.update();
	}

	void optedOut(long id) {
		jdbc.sql("UPDATE notification SET state = 'OPTED_OUT', reason = 'The citizen opted out of e-mail' WHERE id = :id")
			.param("id", id)
			.update();
	}

	/** A delivery report for the message the gateway knows as {@code gatewayRef}; false if it is none of ours. */
	boolean reported(String gatewayRef, boolean delivered, String reason, Integer segments) {
		return jdbc.sql("""
				UPDATE notification SET state = :state, reason = :reason, reported_at = :now,
				    segments = COALESCE(:segments, segments)
				WHERE gateway_ref = :ref AND channel = 'sms'""")
			.param("state", delivered ? State.DELIVERED.name() : State.FAILED.name())
			.param("reason", delivered ? null : truncate(reason, 1000))
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.param("segments", segments)
			.param("ref", gatewayRef)
			.update() > 0;
	}

	/** Newest first; either filter may be null. */
	List<Entry> find(State state, String applicationNo, int limit) {
		return jdbc.sql("""
				SELECT n.*, a.application_no FROM notification n LEFT JOIN application a ON a.id = n.application_id
				WHERE (CAST(:state AS VARCHAR(20)) IS NULL OR n.state = :state)
				  AND (CAST(:no AS VARCHAR(40)) IS NULL OR a.application_no = :no)
				ORDER BY n.id DESC LIMIT :limit""")
			.param("state", state == null ? null : state.name())
			.param("no", applicationNo)
			.param("limit", limit)
			.query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("application_no"), rs.getString("channel"),
					rs.getString("event"), rs.getString("language"), State.valueOf(rs.getString("state")),
					rs.getString("template_id"), rs.getString("entity_id"), rs.getString("encoding"),
					(Integer) rs.getObject("segments"), rs.getString("body"), rs.getString("reason"),
					ApplicationRepository.instant(rs, "created_at"), ApplicationRepository.instant(rs, "sent_at"),
					ApplicationRepository.instant(rs, "reported_at")))
			.list();
	}

	private static String truncate(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

}
