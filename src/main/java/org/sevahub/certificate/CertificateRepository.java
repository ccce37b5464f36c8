package org.sevahub.certificate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CertificateRepository {

	private final JdbcClient jdbc;

	CertificateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Certificate c, byte[] pdf) {
		jdbc.sql("""
				INSERT INTO certificate (certificate_no, application_id, service_code, holder_name, issued_at,
				    valid_until, status, pdf)
				VALUES (:no, :app, :service, :holder, :issued, :until, :status, :pdf)""")
			.param("no", c.certificateNo())
			.param("app", c.applicationId())
			.param("service", c.serviceCode())
			.param("holder", c.holderName())
			.param("issued", ApplicationRepository.timestamp(c.issuedAt()))
			.param("until", c.validUntil() == null ? null : Date.valueOf(c.validUntil()))
			.param("status", c.status().name())
			.param("pdf", pdf)
			.update();
	}

	public Optional<Certificate> findByNo(String certificateNo) {
		return jdbc.sql("SELECT * FROM certificate WHERE certificate_no = :no")
			.param("no", certificateNo)
			.query(CertificateRepository::map)
			.optional();
	}

	/** The application's current certificate: the newest one. */
	public Optional<Certificate> findForApplication(long applicationId) {
		return jdbc.sql("SELECT * FROM certificate WHERE application_id = :app ORDER BY id DESC LIMIT 1")
			.param("app", applicationId)
			.query(CertificateRepository::map)
			.optional();
	}

	public Optional<byte[]> pdf(String certificateNo) {
		return jdbc.sql("SELECT pdf FROM certificate WHERE certificate_no = :no")
			.param("no", certificateNo)
			.query((rs, row) -> rs.getBytes("pdf"))
			.optional();
	}

	int revoke(long id, String reason) {
		return jdbc.sql("""
				UPDATE certificate SET status = 'REVOKED', revoked_at = :at, revoked_reason = :reason
				WHERE id = :id AND status = 'VALID'""")
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.param("reason", reason)
			.param("id", id)
			.update();
	}

	private static Certificate map(ResultSet rs, int row) throws SQLException {
		Date until = rs.getDate("valid_until");
		return new Certificate(rs.getLong("id"), rs.getString("certificate_no"), rs.getLong("application_id"),
				rs.getString("service_code"), rs.getString("holder_name"),
				ApplicationRepository.instant(rs, "issued_at"), until == null ? null : until.toLocalDate(),
				CertificateStatus.valueOf(rs.getString("status")), ApplicationRepository.instant(rs, "revoked_at"),
				rs.getString("revoked_reason"));
	}

}
