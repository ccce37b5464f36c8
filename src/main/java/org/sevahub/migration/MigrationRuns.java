package org.sevahub.migration;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The migrations admins started, in SevaHub's own table: what was asked, by whom, and which engine batch does it. */
@Repository
class MigrationRuns {

	private final JdbcClient jdbc;

	MigrationRuns(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Row(long id, String processKey, String sourceDefinitionId, int sourceVersion, String targetDefinitionId,
			int targetVersion, String batchId, List<String> instanceIds, String requestedBy, Instant startedAt,
			Instant finishedAt) {
	}

	long insert(String processKey, String sourceId, int sourceVersion, String targetId, int targetVersion,
			String batchId, List<String> instanceIds, String requestedBy) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO migration_run (process_key, source_definition_id, source_version, target_definition_id,
				    target_version, batch_id, instance_ids, instance_count, requested_by, started_at)
				VALUES (:key, :source, :sourceVersion, :target, :targetVersion, :batch, :ids, :count, :by, :at)""")
			.param("key", processKey)
			.param("source", sourceId)
			.param("sourceVersion", sourceVersion)
			.param("target", targetId)
			.param("targetVersion", targetVersion)
			.param("batch", batchId)
			.param("ids", String.join(",", instanceIds))
			.param("count", instanceIds.size())
			.param("by", requestedBy)
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<Row> find(long id) {
		return jdbc.sql("SELECT * FROM migration_run WHERE id = :id").param("id", id).query(MigrationRuns::map).optional();
	}

	List<Row> latest(int limit) {
		return jdbc.sql("SELECT * FROM migration_run ORDER BY id DESC LIMIT :limit")
			.param("limit", limit)
			.query(MigrationRuns::map)
			.list();
	}

	void finished(long id) {
		jdbc.sql("UPDATE migration_run SET finished_at = :at WHERE id = :id AND finished_at IS NULL")
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.param("id", id)
			.update();
	}

	private static Row map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String ids = rs.getString("instance_ids");
		return new Row(rs.getLong("id"), rs.getString("process_key"), rs.getString("source_definition_id"),
				rs.getInt("source_version"), rs.getString("target_definition_id"), rs.getInt("target_version"),
				rs.getString("batch_id"), ids.isEmpty() ? List.of() : Arrays.asList(ids.split(",")),
				rs.getString("requested_by"), ApplicationRepository.instant(rs, "started_at"),
				ApplicationRepository.instant(rs, "finished_at"));
	}

}
