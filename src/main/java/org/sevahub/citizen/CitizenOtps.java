package org.sevahub.citizen;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.EngineClock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-in OTPs: six digits kept only as an HMAC (six digits hashed plainly are reversed by trying a million),
 * expiring, a few tries, spent by the first right one. Only a number's newest OTP counts: asking again retires
 * the last. Each rule is a conditional UPDATE, so two nodes racing on one OTP cannot both win.
 */
@Repository
class CitizenOtps {

	private final JdbcClient jdbc;

	private final CitizenProperties properties;

	private final SecretKeySpec key;

	private final SecureRandom random = new SecureRandom();

	CitizenOtps(JdbcClient jdbc, CitizenProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.key = new SecretKeySpec(Base64.getDecoder().decode(properties.otpKey()), "HmacSHA256");
	}

	/** A new OTP for the number, stored hashed; the code itself is returned only to be sent by SMS. */
	String create(String mobile) {
		String otp = String.valueOf(100_000 + random.nextInt(900_000));
		Instant now = EngineClock.now();
		jdbc.sql("""
				INSERT INTO citizen_otp (mobile_hash, otp_hash, expires_at, attempts, created_at)
				VALUES (:mobile, :otp, :expires, 0, :now)""")
			.param("mobile", mac("mobile", mobile))
			.param("otp", mac("otp", mobile + ":" + otp))
			.param("expires", ApplicationRepository.timestamp(now.plus(properties.otpLifetime())))
			.param("now", ApplicationRepository.timestamp(now))
			.update();
		return otp;
	}

	/** Checks the typed code against the number's newest OTP; a wrong one costs a try, a right one spends it. */
	void verify(String mobile, String typed) {
		Optional<Row> newest = jdbc.sql("""
				SELECT id, otp_hash, expires_at, attempts, used_at FROM citizen_otp
				WHERE mobile_hash = :mobile ORDER BY id DESC LIMIT 1""")
			.param("mobile", mac("mobile", mobile))
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("otp_hash"),
					ApplicationRepository.instant(rs, "expires_at"), rs.getInt("attempts"), rs.getObject("used_at") != null))
			.optional();
		if (newest.isEmpty() || newest.get().used()) {
			throw new SignInRefused(SignInRefused.Reason.NO_CODE);
		}
		Row row = newest.get();
		Instant now = EngineClock.now();
		int max = properties.otpMaxAttempts();
		if (row.attempts() >= max) {
			throw new SignInRefused(SignInRefused.Reason.TOO_MANY_TRIES, 0);
		}
		if (!now.isBefore(row.expiresAt())) {
			throw new SignInRefused(SignInRefused.Reason.EXPIRED);
		}
		boolean right = MessageDigest.isEqual(row.hash().getBytes(StandardCharsets.US_ASCII),
				mac("otp", mobile + ":" + typed).getBytes(StandardCharsets.US_ASCII));
		if (!right) {
			int counted = jdbc.sql("UPDATE citizen_otp SET attempts = attempts + 1 WHERE id = :id AND attempts < :max")
				.param("id", row.id())
				.param("max", max)
				.update();
			int left = counted == 1 ? max - row.attempts() - 1 : 0;
			throw left > 0 ? new SignInRefused(SignInRefused.Reason.WRONG_CODE, left)
					: new SignInRefused(SignInRefused.Reason.TOO_MANY_TRIES, 0);
		}
		int spent = jdbc.sql("""
				UPDATE citizen_otp SET used_at = :now
				WHERE id = :id AND used_at IS NULL AND attempts < :max AND expires_at > :now""")
			.param("now", ApplicationRepository.timestamp(now))
			.param("id", row.id())
			.param("max", max)
			.update();
		if (spent != 1) {
			throw new SignInRefused(SignInRefused.Reason.NO_CODE);
		}
	}

	private String mac(String purpose, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal((purpose + ":" + value).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Row(long id, String hash, Instant expiresAt, int attempts, boolean used) {
	}

}
