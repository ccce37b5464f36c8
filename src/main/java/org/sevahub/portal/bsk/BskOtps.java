package org.sevahub.portal.bsk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.EngineClock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API-5 one-time passwords, by BSK's otpId. Six digits, kept only as an HMAC under SevaHub's link key (a plain
 * hash of six digits is reversed by trying a million), expiring, a few tries, and spent by the first right one.
 * Every rule is a conditional UPDATE, so two nodes racing on one OTP cannot both win.
 */
@Repository
@ConditionalOnProperty(name = "sevahub.portals.bsk.enabled", havingValue = "true")
class BskOtps {

	private static final String PURPOSE = "bsk-otp";

	record Verified(long applicationId, String documentNo) {
	}

	private final JdbcClient jdbc;

	private final CitizenAccess access;

	private final BskProperties properties;

	private final SecureRandom random = new SecureRandom();

	private final TransactionTemplate countTry;

	BskOtps(JdbcClient jdbc, CitizenAccess access, BskProperties properties, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.countTry = new TransactionTemplate(transactions);
		this.countTry.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.access = access;
		this.properties = properties;
	}

	/** A new OTP for otpId, stored hashed; the OTP itself is returned only to be sent by SMS. */
	String create(long otpId, long applicationId, String documentNo) {
		// No leading zero: BSK's table types userTypedOtp as a Number, which would drop it.
		String otp = String.valueOf(100_000 + random.nextInt(900_000));
		Instant now = EngineClock.now();
		try {
			jdbc.sql("""
					INSERT INTO bsk_otp (otp_id, application_id, document_no, otp_hash, expires_at, attempts, created_at)
					VALUES (:id, :app, :doc, :hash, :expires, 0, :now)""")
				.param("id", otpId)
				.param("app", applicationId)
				.param("doc", documentNo)
				.param("hash", hash(otpId, otp))
				.param("expires", ApplicationRepository.timestamp(now.plus(properties.otpLifetime())))
				.param("now", ApplicationRepository.timestamp(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new BskRefusal("otpld " + otpId + " has already been used for an OTP; BSK must send a new otpld");
		}
		return otp;
	}

	/** Removes an OTP that never reached the citizen (the SMS gateway failed), so its otpld can be used again. */
	void discard(long otpId) {
		jdbc.sql("DELETE FROM bsk_otp WHERE otp_id = :id AND used_at IS NULL").param("id", otpId).update();
	}

	/** Checks the typed OTP; a wrong one costs a try, a right one spends the OTP. */
	Verified verify(long otpId, long typed) {
		Optional<Row> found = jdbc.sql("SELECT * FROM bsk_otp WHERE otp_id = :id")
			.param("id", otpId)
			.query((rs, n) -> new Row(rs.getLong("application_id"), rs.getString("document_no"), rs.getString("otp_hash"),
					ApplicationRepository.instant(rs, "expires_at"), rs.getInt("attempts"), rs.getObject("used_at") != null))
			.optional();
		if (found.isEmpty()) {
			throw new BskRefusal("No OTP was generated for otpld " + otpId + " (API-5A first)");
		}
		Row row = found.get();
		Instant now = EngineClock.now();
		if (row.used()) {
			throw new BskRefusal("The OTP for otpld " + otpId + " has already been used");
		}
		if (!now.isBefore(row.expiresAt())) {
			throw new BskRefusal("The OTP for otpld " + otpId + " has expired; generate a new one (API-5A)");
		}
		if (row.attempts() >= properties.otpMaxAttempts()) {
			throw new BskRefusal("Too many wrong OTPs for otpld " + otpId + "; generate a new one (API-5A)");
		}
		boolean right = MessageDigest.isEqual(row.hash().getBytes(StandardCharsets.US_ASCII),
				hash(otpId, String.valueOf(typed)).getBytes(StandardCharsets.US_ASCII));
		if (!right) {
			// A wrong try counts even though the call that made it is refused (and its transaction rolled back).
			Integer counted = countTry.execute(status -> jdbc
				.sql("UPDATE bsk_otp SET attempts = attempts + 1 WHERE otp_id = :id AND attempts < :max")
				.param("id", otpId)
				.param("max", properties.otpMaxAttempts())
				.update());
			int left = properties.otpMaxAttempts() - row.attempts() - 1;
			throw new BskRefusal(counted != null && counted == 1 && left > 0 ? "Wrong OTP for otpld " + otpId + "; " + left
					+ (left == 1 ? " try" : " tries") + " left" : "Wrong OTP for otpld " + otpId
							+ "; no tries left, generate a new one (API-5A)");
		}
		int spent = jdbc.sql("""
				UPDATE bsk_otp SET used_at = :now
				WHERE otp_id = :id AND used_at IS NULL AND attempts < :max AND expires_at > :now""")
			.param("now", ApplicationRepository.timestamp(now))
			.param("id", otpId)
			.param("max", properties.otpMaxAttempts())
			.update();
		if (spent != 1) {
			throw new BskRefusal("The OTP for otpld " + otpId + " has already been used");
		}
		return new Verified(row.applicationId(), row.documentNo());
	}

	private String hash(long otpId, String otp) {
		return access.sign(PURPOSE, otpId + ":" + otp);
	}

	private record Row(long applicationId, String documentNo, String hash, Instant expiresAt, int attempts,
			boolean used) {
	}

}
