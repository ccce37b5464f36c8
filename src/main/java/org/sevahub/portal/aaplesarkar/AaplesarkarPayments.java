package org.sevahub.portal.aaplesarkar;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every genuine payment return from Aaple Sarkar's gateway, one row per transaction id, with what the department
 * made of it: PAID (the fee taken), FAILED, or refused with the money possibly taken (AMOUNT_MISMATCH, NOT_AWAITED)
 * and so kept for the office to match against the bank and refund.
 */
@Repository
class AaplesarkarPayments {

	enum Outcome {

		PAID, FAILED, AMOUNT_MISMATCH, NOT_AWAITED

	}

	record Payment(String transactionId, String applicationNo, String serviceId, String bankRefId, String bankRefNo,
			String bankId, String paymentDate, boolean paid, BigDecimal amount, Instant receivedAt, Outcome outcome) {
	}

	private final JdbcClient jdbc;

	AaplesarkarPayments(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records a return; false when its transaction id was taken before (a replay). */
	boolean record(Payment p) {
		// Checked first because a failed INSERT aborts a PostgreSQL transaction; the key still decides a race.
		if (seen(p.transactionId())) {
			return false;
		}
		try {
			jdbc.sql("""
					INSERT INTO aaplesarkar_payment (transaction_id, application_no, service_id, bank_ref_id, bank_ref_no,
					    bank_id, payment_date, paid, amount, received_at, outcome)
					VALUES (:txn, :app, :service, :refId, :refNo, :bank, :date, :paid, :amount, :at, :outcome)""")
				.param("txn", p.transactionId())
				.param("app", p.applicationNo())
				.param("service", p.serviceId())
				.param("refId", p.bankRefId())
				.param("refNo", p.bankRefNo())
				.param("bank", p.bankId())
				.param("date", p.paymentDate())
				.param("paid", p.paid())
				.param("amount", p.amount())
				.param("at", ApplicationRepository.timestamp(p.receivedAt()))
				.param("outcome", p.outcome().name())
				.update();
			return true;
		}
		catch (DuplicateKeyException replay) {
			return false;
		}
	}

	boolean seen(String transactionId) {
		return jdbc.sql("SELECT COUNT(*) FROM aaplesarkar_payment WHERE transaction_id = :txn")
			.param("txn", transactionId)
			.query(Long.class)
			.single() > 0;
	}

	/** The application's fee payment (outcome PAID), if any. */
	Optional<Payment> paid(String applicationNo) {
		return jdbc.sql("""
				SELECT * FROM aaplesarkar_payment WHERE application_no = :app AND outcome = 'PAID'
				ORDER BY received_at LIMIT 1""")
			.param("app", applicationNo)
			.query((rs, row) -> new Payment(rs.getString("transaction_id"), rs.getString("application_no"),
					rs.getString("service_id"), rs.getString("bank_ref_id"), rs.getString("bank_ref_no"),
					rs.getString("bank_id"), rs.getString("payment_date"), rs.getBoolean("paid"),
					rs.getBigDecimal("amount"), ApplicationRepository.instant(rs, "received_at"),
					Outcome.valueOf(rs.getString("outcome"))))
			.optional();
	}

}
