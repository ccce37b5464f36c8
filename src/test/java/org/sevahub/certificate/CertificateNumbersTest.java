package org.sevahub.certificate;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.sevahub.application.Application;
import org.sevahub.testsupport.ProcessDriver;
import org.sevahub.testsupport.SevaHubTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Certificate numbers are gap-free and drawn outside the issuing transaction: an issue that fails keeps its number
 * for the retry, the next application gets the next number, and a certificate issued again (after a revocation)
 * gets a new one.
 */
@SevaHubTest
class CertificateNumbersTest {

	@Autowired
	CertificateNumbers numbers;

	@Autowired
	ProcessDriver driver;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aFailedIssueKeepsItsNumberAndTheSeriesHasNoGap() {
		String series = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Application first = driver.start("BIRTH-CERT");
		Application second = driver.start("BIRTH-CERT");

		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			assertThat(numbers.reserve(first.id(), series)).isEqualTo(series + "-000001");
			throw new IllegalStateException("rendering failed");
		})).hasMessage("rendering failed");

		assertThat(numbers.reserve(first.id(), series)).as("the retry").isEqualTo(series + "-000001");
		assertThat(numbers.reserve(second.id(), series)).isEqualTo(series + "-000002");
		assertThat(numbers.reserve(second.id(), series)).isEqualTo(series + "-000002");
	}

	@Test
	void aNumberOnACertificateIsNotHandedOutAgain() {
		String series = "T" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		Application app = driver.start("BIRTH-CERT");
		String issued = numbers.reserve(app.id(), series);
		jdbc.sql("""
				INSERT INTO certificate (certificate_no, application_id, service_code, holder_name, issued_at, status, pdf)
				VALUES (:no, :app, 'BIRTH-CERT', 'Holder', :now, 'REVOKED', :pdf)""")
			.param("no", issued)
			.param("app", app.id())
			.param("now", OffsetDateTime.now())
			.param("pdf", new byte[] { 1 })
			.update();

		assertThat(numbers.reserve(app.id(), series)).isEqualTo(series + "-000002");
	}

}
