package org.sevahub.portal.dci;

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

	record Transaction(String transactionId, String kind, Long applicationId, String programme, String state) {
	}

	private final JdbcClient jdbc;

	DciTransactions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	void started(String transactionId, String kind, Long applicationId, String programme) {
		insert(transactionId, kind, applicationId, programme);
	}

	/**
	 * For an asynchronous search: committed before the request leaves, so the registry's answer finds it even if
	 * it arrives before the process step that asked has committed.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void startedNow(String transactionId, String kind, Long applicationId, String programme) {
		insert(transactionId, kind, applicationId, programme);
	}

	private void insert(String transactionId, String kind, Long applicationId, String programme) {
		jdbc.sql("""
				INSERT INTO dci_transaction (transaction_id, kind, application_id, programme, state, created_at)
				VALUES (:txn, :kind, :app, :programme, 'SENT', :now)""")
			.param("txn", transactionId)
			.param("kind", kind)
			.param("app", applicationId)
			.param("programme", programme)
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	Optional<Transaction> find(String transactionId) {
		return jdbc.sql("""
				SELECT transaction_id, kind, application_id, programme, state FROM dci_transaction
				WHERE transaction_id = :txn""")
			.param("txn", transactionId)
			.query((rs, n) -> new Transaction(rs.getString(1), rs.getString(2), (Long) rs.getObject(3),
					rs.getString(4), rs.getString(5)))
			.optional();
	}

	void answered(String transactionId, boolean enrolled) {
		jdbc.sql("UPDATE dci_transaction SET state = 'ANSWERED', enrolled = :enrolled, answered_at = :now "
				+ "WHERE transaction_id = :txn")
			.param("enrolled", enrolled)
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.param("txn", transactionId)
			.update();
	}

	void rejected(String transactionId) {
		jdbc.sql("UPDATE dci_transaction SET state = 'REJECTED', answered_at = :now WHERE transaction_id = :txn")
			.param("now", ApplicationRepository.timestamp(EngineClock.now()))
			.param("txn", transactionId)
			.update();
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
