package org.sevahub.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox table: claims, outcomes and the admin's view of it. */
@Repository
class DeliveryRepository {

	private final JdbcClient jdbc;

	DeliveryRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The due messages at the head of their queues, oldest due first. Ordered by when they fell due, which only the
	 * due index ({@code state, next_attempt_at}) can give: ordered by id, a generic plan made while most rows were
	 * pending (after a portal's outage, or on statistics not yet refreshed) walked the primary key through every
	 * delivered row to find the few pending ones, on every claim, a cost growing with the table
	 * ({@code DeliveryClaimPlanTest}). The head of a queue is its lowest pending or parked number, asked per due row
	 * through the (application, portal, seq) index: as {@code NOT EXISTS}, the same plan joined every pending row
	 * of the table instead.
	 */
	static final String CLAIM = """
			SELECT d.id, d.application_id, d.portal, d.seq, d.kind, d.status, d.payload, d.attempts,
			    d.lease_owner, (SELECT a.application_no FROM application a WHERE a.id = d.application_id) AS no
			FROM delivery d
			WHERE d.state = 'PENDING' AND d.next_attempt_at <= :now
			  AND (d.lease_until IS NULL OR d.lease_until < :now)
			  AND d.seq = (SELECT MIN(e.seq) FROM delivery e WHERE e.application_id = d.application_id
			      AND e.portal = d.portal AND e.state IN ('PENDING', 'PARKED'))
			ORDER BY d.next_attempt_at, d.id
			LIMIT :limit
			FOR UPDATE SKIP LOCKED""";

	/**
	 * Leases up to {@code limit} messages that are due and at the head of their (application, portal) queue:
	 * nothing earlier for that pair is still to send (pending or parked; a message not sent by the portal's rules
	 * or withdrawn holds nothing back), so a later status never overtakes an earlier one. Rows are
	 * locked with SKIP LOCKED while the lease is written, so several nodes never claim the same message; a
	 * lease left by a node that died runs out, and the message is taken over (and counted).
	 */
	List<QueuedMessage> claim(String node, Instant now, Instant leaseUntil, int limit) {
		List<Claimed> due = jdbc.sql(CLAIM)
			.param("now", ApplicationRepository.timestamp(now))
			.param("limit", limit)
			.query((rs, row) -> new Claimed(new QueuedMessage(rs.getLong("id"), rs.getLong("application_id"),
					rs.getString("no"), rs.getString("portal"), rs.getInt("seq"), rs.getString("kind"),
					rs.getString("status"), rs.getString("payload"), rs.getInt("attempts") + 1),
					rs.getString("lease_owner") != null))
			.list();
		if (!due.isEmpty()) {
			// One statement for the whole batch; a row whose lease had been left by another node counts a takeover.
			jdbc.sql("""
					UPDATE delivery SET lease_owner = :node, lease_until = :until, attempts = attempts + 1,
					    first_attempt_at = COALESCE(first_attempt_at, :now),
					    takeovers = takeovers + CASE WHEN lease_owner IS NULL THEN 0 ELSE 1 END
					WHERE id IN (:ids)""")
				.param("node", node)
				.param("until", ApplicationRepository.timestamp(leaseUntil))
				.param("now", ApplicationRepository.timestamp(now))
				.param("ids", due.stream().map(c -> c.message().deliveryId()).toList())
				.update();
		}
		return due.stream().map(Claimed::message).toList();
	}

	/**
	 * Records a batch of messages as delivered in one statement; only those this node still holds (a node that lost
	 * a lease must not overwrite a takeover). Returns how many it recorded.
	 */
	int markDelivered(List<Long> ids, String node, Instant now) {
		return jdbc.sql("""
				UPDATE delivery SET state = 'DELIVERED', delivered_at = :now, last_error = NULL, lease_owner = NULL,
				    lease_until = NULL, sent_by = :node
				WHERE id IN (:ids) AND lease_owner = :node""")
			.param("now", ApplicationRepository.timestamp(now))
			.param("ids", ids)
			.param("node", node)
			.update();
	}

	/**
	 * A stopping node gives back what it claimed but never sent: due again at once for any node, the claim's
	 * attempt not counted. Returns how many.
	 */
	int handBack(String node) {
		return jdbc.sql("""
				UPDATE delivery SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1
				WHERE lease_owner = :node AND state = 'PENDING'""")
			.param("node", node)
			.update();
	}

	/** These messages did not go out: back to the queue at once, the attempt not counted. */
	int handBack(String node, List<Long> ids) {
		return jdbc.sql("""
				UPDATE delivery SET lease_owner = NULL, lease_until = NULL, attempts = attempts - 1
				WHERE id IN (:ids) AND lease_owner = :node AND state = 'PENDING'""")
			.param("ids", ids)
			.param("node", node)
			.update();
	}

	boolean retryLater(long id, String node, Instant next, String error) {
		return jdbc.sql("""
				UPDATE delivery SET next_attempt_at = :next, last_error = :error, lease_owner = NULL, lease_until = NULL
				WHERE id = :id AND lease_owner = :node""")
			.param("next", ApplicationRepository.timestamp(next))
			.param("error", truncate(error))
			.param("id", id)
			.param("node", node)
			.update() == 1;
	}

	boolean park(long id, String node, String error) {
		return jdbc.sql("""
				UPDATE delivery SET state = 'PARKED', last_error = :error, lease_owner = NULL, lease_until = NULL
				WHERE id = :id AND lease_owner = :node""")
			.param("error", truncate(error))
			.param("id", id)
			.param("node", node)
			.update() == 1;
	}

	void recordIncident(long id, String incidentId) {
		jdbc.sql("UPDATE delivery SET incident_id = :incident WHERE id = :id")
			.param("incident", incidentId)
			.param("id", id)
			.update();
	}

	/** A parked message goes back to the queue, due now, with a fresh count of attempts. */
	boolean requeue(long id, Instant now) {
		return jdbc.sql("""
				UPDATE delivery SET state = 'PENDING', attempts = 0, first_attempt_at = NULL, next_attempt_at = :now,
				    incident_id = NULL, lease_owner = NULL, lease_until = NULL
				WHERE id = :id AND state = 'PARKED'""")
			.param("now", ApplicationRepository.timestamp(now))
			.param("id", id)
			.update() == 1;
	}

	Optional<Instant> firstAttemptAt(long id) {
		return jdbc.sql("SELECT first_attempt_at FROM delivery WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> Optional.ofNullable(ApplicationRepository.instant(rs, "first_attempt_at")))
			.single();
	}

	Optional<String> processInstanceOf(long id) {
		return jdbc.sql("SELECT process_instance_id FROM delivery WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	Optional<Delivery> find(long id) {
		return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(DeliveryRepository::map).optional();
	}

	List<Delivery> inState(DeliveryState state, int limit) {
		return jdbc.sql(SELECT + " WHERE d.state = :state ORDER BY d.id LIMIT :limit")
			.param("state", state.name())
			.param("limit", limit)
			.query(DeliveryRepository::map)
			.list();
	}

	/** The latest {@code limit} in a state, newest first (what is on record, not what waits). */
	List<Delivery> latestInState(DeliveryState state, int limit) {
		return jdbc.sql(SELECT + " WHERE d.state = :state ORDER BY d.id DESC LIMIT :limit")
			.param("state", state.name())
			.param("limit", limit)
			.query(DeliveryRepository::map)
			.list();
	}

	List<Delivery> ofApplication(String applicationNo) {
		return jdbc.sql(SELECT + " WHERE a.application_no = :no ORDER BY d.portal, d.seq")
			.param("no", applicationNo)
			.query(DeliveryRepository::map)
			.list();
	}

	/** The statuses of an application some portal was not sent because its rules forbid them. */
	List<Delivery> notSent(long applicationId) {
		return jdbc.sql(SELECT + " WHERE d.application_id = :app AND d.state = 'NOT_SENT' ORDER BY d.id")
			.param("app", applicationId)
			.query(DeliveryRepository::map)
			.list();
	}

	private static final String SELECT = """
			SELECT d.*, a.application_no FROM delivery d JOIN application a ON a.id = d.application_id""";

	private static Delivery map(ResultSet rs, int row) throws SQLException {
		return new Delivery(rs.getLong("id"), rs.getString("application_no"), rs.getString("portal"), rs.getInt("seq"),
				rs.getString("kind"), rs.getString("status"), DeliveryState.valueOf(rs.getString("state")),
				rs.getInt("attempts"), rs.getInt("takeovers"), ApplicationRepository.instant(rs, "created_at"),
				ApplicationRepository.instant(rs, "next_attempt_at"), ApplicationRepository.instant(rs, "delivered_at"),
				rs.getString("last_error"), rs.getString("incident_id"), ApplicationRepository.instant(rs, "held_until"),
				(Long) rs.getObject("status_history_id"));
	}

	/** Within the width of {@code last_error}. */
	static String truncate(String text) {
		return text == null || text.length() <= 1900 ? text : text.substring(0, 1900);
	}

	private record Claimed(QueuedMessage message, boolean takeover) {
	}

}
