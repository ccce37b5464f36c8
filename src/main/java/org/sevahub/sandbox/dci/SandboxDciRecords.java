package org.sevahub.sandbox.dci;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The sandbox registry's tables: beneficiaries, ids seen per sender, transactions, callbacks, its inbox. */
@Component
@ConditionalOnProperty(name = { "sevahub.sandbox.enabled", "sevahub.portals.dci.enabled" }, havingValue = "true")
class SandboxDciRecords {

	record Beneficiary(String senderId, String memberIdentifier, String programme, String identifierType,
			String identifierValue, String nameKey, String birthDate, String enrolmentStatus, String record) {
	}

	record Callback(long id, String senderId, String targetUrl, String action, String message, int attempts,
			String status, int totalCount, int completedCount) {
	}

	/**
	 * Which running sandbox queued a callback: each sends only its own, so that test contexts of different
	 * configuration sharing one database (one answering at once, one holding answers) do not send each other's.
	 */
	private final String node = java.util.UUID.randomUUID().toString();

	private final JdbcClient jdbc;

	SandboxDciRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records an id of this sender's: false when it was seen before. The caller refuses the request then, which
	 * rolls back its transaction (PostgreSQL will not go on after the failed insert anyway).
	 */
	boolean firstSight(String senderId, String scope, String id) {
		try {
			jdbc.sql("INSERT INTO sandbox_dci_seen (sender_id, scope, id) VALUES (:s, :scope, :id)")
				.param("s", senderId)
				.param("scope", scope)
				.param("id", id)
				.update();
			return true;
		}
		catch (DuplicateKeyException seen) {
			return false;
		}
	}

	void upsert(Beneficiary b) {
		int updated = jdbc.sql("""
				UPDATE sandbox_dci_beneficiary SET identifier_type = :it, identifier_value = :iv, name_key = :name,
				    birth_date = :dob, enrolment_status = :status, record = :record, updated_at = :now
				WHERE sender_id = :s AND member_identifier = :member AND programme = :programme""")
			.params(params(b))
			.update();
		if (updated == 0) {
			jdbc.sql("""
					INSERT INTO sandbox_dci_beneficiary (sender_id, member_identifier, programme, identifier_type,
					    identifier_value, name_key, birth_date, enrolment_status, record, updated_at)
					VALUES (:s, :member, :programme, :it, :iv, :name, :dob, :status, :record, :now)""")
				.params(params(b))
				.update();
		}
	}

	private static Map<String, Object> params(Beneficiary b) {
		Map<String, Object> p = new java.util.HashMap<>();
		p.put("s", b.senderId());
		p.put("member", b.memberIdentifier());
		p.put("programme", b.programme());
		p.put("it", b.identifierType());
		p.put("iv", b.identifierValue());
		p.put("name", b.nameKey());
		p.put("dob", b.birthDate());
		p.put("status", b.enrolmentStatus());
		p.put("record", b.record());
		p.put("now", ApplicationRepository.timestamp(EngineClock.now()));
		return p;
	}

	List<Beneficiary> byIdentifier(String type, String value) {
		return query("identifier_type = :a AND identifier_value = :b", type, value);
	}

	List<Beneficiary> byNameAndBirthDate(String nameKey, String birthDate) {
		return query("name_key = :a AND birth_date = :b", nameKey, birthDate);
	}

	List<Beneficiary> all() {
		return jdbc.sql(SELECT + " ORDER BY id").query(BENEFICIARY).list();
	}

	/** Whether any sender reported the person with this identifier enrolled (active) in the programme. */
	boolean activeIn(String identifierValue, String programme) {
		return jdbc.sql("""
				SELECT COUNT(*) FROM sandbox_dci_beneficiary
				WHERE identifier_value = :iv AND programme = :programme AND LOWER(enrolment_status) = 'active'""")
			.param("iv", identifierValue)
			.param("programme", programme)
			.query(Long.class)
			.single() > 0;
	}

	private static final String SELECT = "SELECT sender_id, member_identifier, programme, identifier_type, "
			+ "identifier_value, name_key, birth_date, enrolment_status, record FROM sandbox_dci_beneficiary";

	private static final RowMapper<Beneficiary> BENEFICIARY = (rs, n) -> new Beneficiary(rs.getString(1),
			rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
			rs.getString(8), rs.getString(9));

	private List<Beneficiary> query(String where, String a, String b) {
		return jdbc.sql(SELECT + " WHERE " + where + " ORDER BY id")
			.param("a", a)
			.param("b", b)
			.query(BENEFICIARY)
			.list();
	}

	void transaction(String senderId, String txn, String correlationId, String kind, String referenceIds,
			String response) {
		jdbc.sql("""
				INSERT INTO sandbox_dci_transaction (sender_id, transaction_id, correlation_id, kind, reference_ids, response)
				VALUES (:s, :txn, :corr, :kind, :refs, :response)""")
			.param("s", senderId)
			.param("txn", txn)
			.param("corr", correlationId)
			.param("kind", kind)
			.param("refs", referenceIds)
			.param("response", response)
			.update();
	}

	/** The stored answer of the search that had this reference id, for a status check. */
	Optional<String> responseByReference(String senderId, String referenceId) {
		return jdbc.sql("""
				SELECT response FROM sandbox_dci_transaction
				WHERE sender_id = :s AND kind = 'search' AND reference_ids LIKE :ref ORDER BY transaction_id""")
			.param("s", senderId)
			.param("ref", "%|" + referenceId + "|%")
			.query(String.class)
			.optional();
	}

	/** An answer to post later, with the header status and counts it goes with (one part of a split answer). */
	void queueCallback(String senderId, String targetUrl, String action, String message, String status, int total,
			int completed) {
		jdbc.sql("""
				INSERT INTO sandbox_dci_callback (node, sender_id, target_url, action, message, attempts, state, created_at,
				    status, total_count, completed_count)
				VALUES (:node, :s, :url, :action, :message, 0, 'PENDING', :now, :status, :total, :completed)""")
			.param("node", node)
			.param("s", senderId)
			.param("url", targetUrl)
			.param("action", action)
			.param("message", message)
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.param("status", status)
			.param("total", total)
			.param("completed", completed)
			.update();
	}

	/** Pending callbacks of this node, oldest first; at most {@code limit}. */
	List<Callback> pendingCallbacks(int limit) {
		return jdbc.sql("""
				SELECT id, sender_id, target_url, action, message, attempts, status, total_count, completed_count
				FROM sandbox_dci_callback WHERE state = 'PENDING' AND node = :node ORDER BY id LIMIT :limit""")
			.param("node", node)
			.param("limit", limit)
			.query((rs, n) -> new Callback(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getInt(6), rs.getString(7), rs.getInt(8), rs.getInt(9)))
			.list();
	}

	/** One attempt at a callback: what went out (body as sent, whether with a bearer token) and how it ended. */
	void callbackTried(long id, String state, String error, String sentBody, boolean withBearer) {
		jdbc.sql("""
				UPDATE sandbox_dci_callback SET attempts = attempts + 1, state = :state, last_error = :error,
				    sent_body = :body, sent_with_bearer = :bearer
				WHERE id = :id""")
			.param("state", state)
			.param("error", error)
			.param("body", sentBody)
			.param("bearer", withBearer)
			.param("id", id)
			.update();
	}

	List<Map<String, Object>> callbacks() {
		return jdbc.sql("""
				SELECT id, action, state, status, total_count, completed_count, attempts, sent_with_bearer, sent_body,
				    last_error
				FROM sandbox_dci_callback ORDER BY id""").query().listOfRows();
	}

	void inbox(String path, String body, String outcome) {
		jdbc.sql("INSERT INTO sandbox_dci_inbox (path, body, outcome, received_at) VALUES (:path, :body, :outcome, :now)")
			.param("path", path)
			.param("body", body)
			.param("outcome", outcome.length() <= 60 ? outcome : outcome.substring(0, 60))
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	List<Map<String, Object>> inbox() {
		return jdbc.sql("SELECT id, path, body, outcome FROM sandbox_dci_inbox ORDER BY id").query().listOfRows();
	}

}
