package org.sevahub.portal.dci;

import java.util.List;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every transaction we start with the registry, so transaction ids are unique per sender (the primary key) and
 * a later answer can be matched to what we asked; and every message id we received, so none is taken twice.
 */
@Component
@ConditionalOnProperty(name = "sevahub.portals.dci.enabled", havingValue = "true")
class DciTransactions {

	/**
	 * @param referenceIds the reference ids of the requests a search carried; empty for other kinds, and for
	 *                     searches sent before they were stored
	 */
	record Transaction(String transactionId, String kind, Long applicationId, String programme, String state,
			List<String> referenceIds, boolean answerComplete) {
	}

	private final JdbcClient jdbc;

	DciTransactions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void started(String transactionId, String kind, Long applicationId, String programme, List<String> referenceIds) {
		insert(transactionId, kind, applicationId, programme, referenceIds);
	}

	/**
	 * For an asynchronous search: committed before the request leaves, so the registry's answer finds it even if
	 * it arrives before the process step that asked has committed.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void startedNow(String transactionId, String kind, Long applicationId, String programme, List<String> referenceIds) {
		insert(transactionId, kind, applicationId, programme, referenceIds);
	}

	private void insert(String transactionId, String kind, Long applicationId, String programme,
			List<String> referenceIds) {
		jdbc.sql("""
				INSERT INTO dci_transaction (transaction_id, kind, application_id, programme, state, created_at,
				    reference_ids)
				VALUES (:txn, :kind, :app, :programme, 'SENT', :now, :refs)""")
			.param("txn", transactionId)
			.param("kind", kind)
			.param("app", applicationId)
			.param("programme", programme)
			.param("refs", referenceIds.isEmpty() ? null : String.join("\n", referenceIds), java.sql.Types.VARCHAR)
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	Optional<Transaction> find(String transactionId) {
		return select(transactionId, "");
	}

	/**
	 * Like {@link #find}, the row locked until the caller's transaction ends: parts of one answer, or two
	 * answers, arriving together are taken one after the other, each seeing what the other kept.
	 */
	Optional<Transaction> lock(String transactionId) {
		return select(transactionId, " FOR UPDATE");
	}

	private Optional<Transaction> select(String transactionId, String lock) {
		return jdbc.sql("""
				SELECT transaction_id, kind, application_id, programme, state, reference_ids, answer_complete
				FROM dci_transaction WHERE transaction_id = :txn""" + lock)
			.param("txn", transactionId)
			.query((rs, n) -> new Transaction(rs.getString(1), rs.getString(2), (Long) rs.getObject(3),
					rs.getString(4), rs.getString(5),
					rs.getString(6) == null ? List.of() : List.of(rs.getString(6).split("\n")), rs.getBoolean(7)))
			.optional();
	}

	/**
	 * Keeps what one part of a search's answer said, by reference id (a later item for the same request replaces
	 * the earlier), and that the answer is complete when this part said so. The caller holds {@link #lock}.
	 */
	void keepPart(String transactionId, java.util.Map<String, String> itemsByReference, boolean complete) {
		java.time.OffsetDateTime now = ApplicationRepository.timestamp(EngineClock.now());
		itemsByReference.forEach((reference, item) -> {
			int updated = jdbc.sql("""
					UPDATE dci_answer_item SET item = :item, received_at = :now
					WHERE transaction_id = :txn AND reference_id = :ref""")
				.param("item", item)
				.param("now", now)
				.param("txn", transactionId)
				.param("ref", reference)
				.update();
			if (updated == 0) {
				jdbc.sql("""
						INSERT INTO dci_answer_item (transaction_id, reference_id, item, received_at)
						VALUES (:txn, :ref, :item, :now)""")
					.param("txn", transactionId)
					.param("ref", reference)
					.param("item", item)
					.param("now", now)
					.update();
			}
		});
		if (complete) {
			jdbc.sql("UPDATE dci_transaction SET answer_complete = TRUE WHERE transaction_id = :txn")
				.param("txn", transactionId)
				.update();
		}
	}

	/** Every item of a search's answer kept so far, in the order they came. */
	List<String> keptItems(String transactionId) {
		return jdbc.sql("SELECT item FROM dci_answer_item WHERE transaction_id = :txn ORDER BY received_at, reference_id")
			.param("txn", transactionId)
			.query(String.class)
			.list();
	}

	/**
	 * Claims a transaction still waiting for its answer: false when another answer claimed it first. The row
	 * stays locked until the caller's transaction ends, so of two answers arriving together only one passes.
	 */
	boolean answered(String transactionId, boolean enrolled) {
		return jdbc.sql("UPDATE dci_transaction SET state = 'ANSWERED', enrolled = :enrolled, answered_at = :now "
				+ "WHERE transaction_id = :txn AND state = 'SENT'")
			.param("enrolled", enrolled)
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.param("txn", transactionId)
			.update() == 1;
	}

	/**
	 * A new search for the application replaces the ones still waiting: their late answers are then
	 * acknowledged and recorded, not taken (and not refused forever).
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	int supersede(Long applicationId) {
		return jdbc.sql("UPDATE dci_transaction SET state = 'SUPERSEDED' "
				+ "WHERE application_id = :app AND kind = 'search' AND state = 'SENT'")
			.param("app", applicationId)
			.update();
	}

	/** A superseded search's late answer, recorded once: false when one was recorded before. */
	boolean answeredLate(String transactionId, boolean enrolled) {
		return jdbc.sql("UPDATE dci_transaction SET state = 'ANSWERED_LATE', enrolled = :enrolled, answered_at = :now "
				+ "WHERE transaction_id = :txn AND state = 'SUPERSEDED'")
			.param("enrolled", enrolled)
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.param("txn", transactionId)
			.update() == 1;
	}

	/** Like {@link #answered}: false when the transaction was no longer waiting. */
	boolean rejected(String transactionId) {
		return jdbc.sql("UPDATE dci_transaction SET state = 'REJECTED', answered_at = :now "
				+ "WHERE transaction_id = :txn AND state = 'SENT'")
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.param("txn", transactionId)
			.update() == 1;
	}

	/**
	 * False when this sender's message id was seen before. The caller refuses the message then, which rolls
	 * back its transaction (PostgreSQL will not go on after the failed insert anyway).
	 */
	boolean firstSight(String senderId, String messageId) {
		try {
			jdbc.sql("INSERT INTO dci_inbound_message (sender_id, message_id, received_at) VALUES (:sender, :id, :now)")
				.param("sender", senderId)
				.param("id", messageId)
				.param("now", ApplicationRepository.timestamp(EngineClock.now()))
				.update();
			return true;
		}
		catch (DuplicateKeyException seen) {
			return false;
		}
	}

}
