package org.sevahub.certificate;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;
import org.sevahub.application.form.Aadhaar;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CertificateRepository {

	private final JdbcClient jdbc;

	CertificateRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Certificate c, byte[] pdf, String xml) {
		jdbc.sql("""
				INSERT INTO certificate (certificate_no, application_id, service_code, holder_name, holder_name_local,
				    holder_dob, doc_type, issued_at, valid_until, status, pdf, xml, signed)
				VALUES (:no, :app, :service, :holder, :holderLocal, :dob, :docType, :issued, :until, :status, :pdf, :xml,
				    :signed)""")
			.param("no", c.certificateNo())
			.param("app", c.applicationId())
			.param("service", c.serviceCode())
			.param("holder", c.holderName())
			.param("holderLocal", c.holderNameLocal())
			.param("dob", c.holderDob() == null ? null : Date.valueOf(c.holderDob()))
			.param("docType", c.docType())
			.param("xml", xml)
			.param("signed", c.signed())
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

	public Optional<String> xml(String certificateNo) {
		return jdbc.sql("SELECT xml FROM certificate WHERE certificate_no = :no")
			.param("no", certificateNo)
			.query(String.class)
			.optional();
	}

	/** Certificates of the applicants with this Aadhaar hash, newest first (DigiLocker's Aadhaar-seeded search). */
	public List<Certificate> forAadhaarHash(String hash) {
		return jdbc.sql("""
				SELECT c.* FROM certificate c JOIN application a ON a.id = c.application_id
				JOIN applicant p ON p.id = a.applicant_id
				WHERE p.aadhaar_hash = :hash ORDER BY c.id DESC""").param("hash", hash).query(CertificateRepository::map).list();
	}

	int revoke(long id, String reason) {
		return jdbc.sql("""
				UPDATE certificate SET status = 'REVOKED', revoked_at = :at, revoked_reason = :reason
				WHERE id = :id AND status = 'VALID'""")
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.param("reason", Aadhaar.maskedIn(reason))
			.param("id", id)
			.update();
	}

	private static Certificate map(ResultSet rs, int row) throws SQLException {
		Date until = rs.getDate("valid_until");
		Date dob = rs.getDate("holder_dob");
		return new Certificate(rs.getLong("id"), rs.getString("certificate_no"), rs.getLong("application_id"),
				rs.getString("service_code"), rs.getString("holder_name"), rs.getString("holder_name_local"),
				dob == null ? null : dob.toLocalDate(), rs.getString("doc_type"),
				ApplicationRepository.instant(rs, "issued_at"), until == null ? null : until.toLocalDate(),
				CertificateStatus.valueOf(rs.getString("status")), ApplicationRepository.instant(rs, "revoked_at"),
				rs.getString("revoked_reason"), rs.getBoolean("signed"));
	}

}
