package org.sevahub.certificate;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.application.NumberSequences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register of certificate numbers: gap-free per series, each number held for one application from the moment it
 * is drawn. Drawing commits at once, so the series' counter is locked for one short transaction, not for the
 * rendering and signing of the PDF; an issue that fails and is retried gets back the number it was given.
 */
@Repository
class CertificateNumbers {

	private final JdbcClient jdbc;

	private final NumberSequences numbers;

	private final TransactionTemplate separately;

	CertificateNumbers(JdbcClient jdbc, NumberSequences numbers, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.numbers = numbers;
		this.separately = new TransactionTemplate(transactions);
		this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** The number held for this application in this series and not yet on a certificate, else the next one. */
	String reserve(long applicationId, String series) {
		return separately.execute(status -> jdbc.sql("""
				SELECT r.certificate_no FROM certificate_number r
				WHERE r.application_id = :app AND r.series = :series
				  AND NOT EXISTS (SELECT 1 FROM certificate c WHERE c.certificate_no = r.certificate_no)
				ORDER BY r.certificate_no""")
			.param("app", applicationId)
			.param("series", series)
			.query(String.class)
			.optional()
			.orElseGet(() -> {
				String number = series + "-" + String.format("%06d", numbers.next("certificate:" + series));
				jdbc.sql("""
						INSERT INTO certificate_number (certificate_no, series, application_id, reserved_at)
						VALUES (:no, :series, :app, :now)""")
					.param("no", number)
					.param("series", series)
					.param("app", applicationId)
					.param("now", ApplicationRepository.timestamp(EngineClock.now()))
					.update();
				return number;
			}));
	}

}
