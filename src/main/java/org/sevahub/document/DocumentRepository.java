package org.sevahub.document;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class DocumentRepository {

	private final JdbcClient jdbc;

	DocumentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(StoredDocument d) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				INSERT INTO application_document (application_id, code, file_name, media_type, size_bytes, pages, sha256,
				    store, storage_key, scanned_by, uploaded_by, uploaded_at)
				VALUES (:app, :code, :name, :type, :size, :pages, :sha, :store, :key, :scanner, :by, :at)""")
			.param("app", d.applicationId())
			.param("code", d.code())
			.param("name", d.fileName())
			.param("type", d.mediaType())
			.param("size", d.sizeBytes())
			.param("pages", d.pages())
			.param("sha", d.sha256())
			.param("store", d.store())
			.param("key", d.storageKey())
			.param("scanner", d.scannedBy())
			.param("by", d.uploadedBy())
			.param("at", ApplicationRepository.timestamp(d.uploadedAt()))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	Optional<StoredDocument> find(long id) {
		return jdbc.sql("SELECT * FROM application_document WHERE id = :id")
			.param("id", id)
			.query(DocumentRepository::map)
			.optional();
	}

	/** The application's documents as they stand: the latest of each code, not deleted. */
	List<StoredDocument> current(long applicationId) {
		return jdbc.sql("""
				SELECT * FROM application_document
				WHERE application_id = :app AND replaced_at IS NULL AND deleted_at IS NULL ORDER BY id""")
			.param("app", applicationId)
			.query(DocumentRepository::map)
			.list();
	}

	/** Every file the application ever had, oldest first, replaced and deleted ones included. */
	List<StoredDocument> history(long applicationId) {
		return jdbc.sql("SELECT * FROM application_document WHERE application_id = :app ORDER BY id")
			.param("app", applicationId)
			.query(DocumentRepository::map)
			.list();
	}

	int count(long applicationId) {
		return jdbc.sql("SELECT COUNT(*) FROM application_document WHERE application_id = :app")
			.param("app", applicationId)
			.query(Integer.class)
			.single();
	}

	void markReplaced(long applicationId, String code, Instant at) {
		jdbc.sql("""
				UPDATE application_document SET replaced_at = :at
				WHERE application_id = :app AND code = :code AND replaced_at IS NULL AND deleted_at IS NULL""")
			.param("at", ApplicationRepository.timestamp(at))
			.param("app", applicationId)
			.param("code", code)
			.update();
	}

	void setVerdict(long id, String verdict, String reason, String by, Instant at) {
		jdbc.sql("""
				UPDATE application_document SET verdict = :verdict, verdict_reason = :reason, verdict_by = :by,
				    verdict_at = :at WHERE id = :id""")
			.param("verdict", verdict)
			.param("reason", reason)
			.param("by", by)
			.param("at", ApplicationRepository.timestamp(at))
			.param("id", id)
			.update();
	}

	void requestResend(long id, Instant at) {
		stamp("resend_requested_at", id, at);
	}

	/**
	 * Applications after {@code afterId} with documents still kept, not changed since {@code before}: the only ones
	 * whose retention can have run out (closing is the last change an application sees). Read page by page.
	 */
	List<Long> keptSince(Instant before, long afterId, int limit) {
		return jdbc.sql("""
				SELECT DISTINCT d.application_id FROM application_document d JOIN application a ON a.id = d.application_id
				WHERE d.deleted_at IS NULL AND a.updated_at < :before AND d.application_id > :after
				ORDER BY d.application_id LIMIT :limit""")
			.param("before", ApplicationRepository.timestamp(before))
			.param("after", afterId)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Locks the application's kept documents for deletion. SKIP LOCKED: a node that finds them locked leaves
	 * them to the node deleting them, so two nodes never delete (and audit) the same documents.
	 */
	List<StoredDocument> claimKept(long applicationId) {
		return jdbc.sql("""
				SELECT * FROM application_document WHERE application_id = :app AND deleted_at IS NULL
				ORDER BY id FOR UPDATE SKIP LOCKED""")
			.param("app", applicationId)
			.query(DocumentRepository::map)
			.list();
	}

	void markDeleted(long id, Instant at) {
		stamp("deleted_at", id, at);
	}

	/** Sets one of the row's moments; {@code column} is always one of this class's literals, never input. */
	private void stamp(String column, long id, Instant at) {
		jdbc.sql("UPDATE application_document SET " + column + " = :at WHERE id = :id")
			.param("at", ApplicationRepository.timestamp(at))
			.param("id", id)
			.update();
	}

	private static StoredDocument map(ResultSet rs, int row) throws SQLException {
		int read = rs.getInt("pages");
		Integer pages = rs.wasNull() ? null : read;
		return new StoredDocument(rs.getLong("id"), rs.getLong("application_id"), rs.getString("code"),
				rs.getString("file_name"), rs.getString("media_type"), rs.getLong("size_bytes"),
				pages, rs.getString("sha256"), rs.getString("store"), rs.getString("storage_key"),
				rs.getString("scanned_by"), rs.getString("uploaded_by"), ApplicationRepository.instant(rs, "uploaded_at"),
				ApplicationRepository.instant(rs, "replaced_at"), rs.getString("verdict"), rs.getString("verdict_reason"),
				rs.getString("verdict_by"), ApplicationRepository.instant(rs, "verdict_at"),
				ApplicationRepository.instant(rs, "resend_requested_at"), ApplicationRepository.instant(rs, "deleted_at"));
	}

}
