package org.sevahub.application;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.sevahub.application.form.Aadhaar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class StatusHistory {

	private final JdbcClient jdbc;

	private final DailyRollup rollup;

	StatusHistory(JdbcClient jdbc, DailyRollup rollup) {
		this.jdbc = jdbc;
		this.rollup = rollup;
	}

	public StatusHistoryEntry append(StatusHistoryEntry entry) {
		// An appeal filed or allowed is an RTS figure (the dashboard's roll-up); other rows are not.
		return entry.status().startsWith("APPEAL_") ? rollup.around(entry.applicationId(), () -> insert(entry))
				: insert(entry);
	}

	private StatusHistoryEntry insert(StatusHistoryEntry given) {
		// Remarks are shown to the citizen and sent to every linked portal: whoever wrote them, no Aadhaar in clear.
		StatusHistoryEntry entry = new StatusHistoryEntry(null, given.applicationId(), given.status(), given.stage(),
				given.processKey(), given.activityId(), Aadhaar.maskedIn(given.remarks()), given.actor(),
				given.occurredAt());
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO status_history (application_id, status, stage, process_key, activity_id, remarks, actor,
				  occurred_at)
				VALUES (:app, :status, :stage, :processKey, :activityId, :remarks, :actor, :at)""")
			.param("app", entry.applicationId())
			.param("status", entry.status())
			.param("stage", entry.stage())
			.param("processKey", entry.processKey())
			.param("activityId", entry.activityId())
			.param("remarks", entry.remarks())
			.param("actor", entry.actor())
			.param("at", ApplicationRepository.timestamp(entry.occurredAt()))
			.update(keys, "id");
		return new StatusHistoryEntry(keys.getKey().longValue(), entry.applicationId(), entry.status(), entry.stage(),
				entry.processKey(), entry.activityId(), entry.remarks(), entry.actor(), entry.occurredAt());
	}

	public List<StatusHistoryEntry> of(long applicationId) {
		return jdbc.sql("SELECT * FROM status_history WHERE application_id = :app ORDER BY id")
			.param("app", applicationId)
			.query(StatusHistory::map)
			.list();
	}

	private static StatusHistoryEntry map(ResultSet rs, int row) throws SQLException {
		return new StatusHistoryEntry(rs.getLong("id"), rs.getLong("application_id"), rs.getString("status"),
				rs.getString("stage"), rs.getString("process_key"), rs.getString("activity_id"), rs.getString("remarks"),
				rs.getString("actor"), ApplicationRepository.instant(rs, "occurred_at"));
	}

}
