package org.sevahub.portal.bsk;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.sevahub.application.ApplicationRepository;
import org.sevahub.application.CitizenAccess;
import org.sevahub.application.EngineClock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one-time links an API-1 answer carries to the citizen's form: {@code /bsk/landing?h=<id>.<mac>}. The id
 * is random and kept in the database (so it works once, on any node, and only for a while); the MAC under
 * SevaHub's link key means a link nobody was given is refused before the database is asked.
 */
@Repository
@ConditionalOnProperty(name = "sevahub.portals.bsk.enabled", havingValue = "true")
class BskHandovers {

	private static final String PURPOSE = "bsk-handover";

	private final JdbcClient jdbc;

	private final CitizenAccess access;

	private final BskProperties properties;

	private final SecureRandom random = new SecureRandom();

	BskHandovers(JdbcClient jdbc, CitizenAccess access, BskProperties properties) {
		this.jdbc = jdbc;
		this.access = access;
		this.properties = properties;
	}

	/**
	 * A fresh link to the application's form, in the caller's transaction. Earlier unused links to it expire
	 * now: a resent API-1 leaves one live link to the citizen's form, not one per resend.
	 */
	String issue(long applicationId) {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = EngineClock.now();
		jdbc.sql("""
				UPDATE bsk_handover SET expires_at = :now
				WHERE application_id = :app AND used_at IS NULL AND expires_at > :now""")
			.param("now", ApplicationRepository.timestamp(now))
			.param("app", applicationId)
			.update();
		jdbc.sql("INSERT INTO bsk_handover (handover_id, application_id, expires_at) VALUES (:id, :app, :expires)")
			.param("id", id)
			.param("app", applicationId)
			.param("expires", ApplicationRepository.timestamp(now.plus(properties.handoverLifetime())))
			.update();
		return id + "." + access.sign(PURPOSE, id);
	}

	/**
	 * The application the link opens, spending the link; empty when it is forged, unknown, used or expired.
	 */
	Optional<Long> redeem(String link) {
		Optional<String> signed = signedId(link);
		if (signed.isEmpty()) {
			return Optional.empty();
		}
		String id = signed.get();
		Instant now = EngineClock.now();
		int spent = jdbc.sql("""
				UPDATE bsk_handover SET used_at = :now
				WHERE handover_id = :id AND used_at IS NULL AND expires_at > :now""")
			.param("now", ApplicationRepository.timestamp(now))
			.param("id", id)
			.update();
		if (spent != 1) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT application_id FROM bsk_handover WHERE handover_id = :id")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	/** Why a well-signed link does not work, for the citizen's page. */
	String whyNot(String link) {
		Optional<String> signed = signedId(link);
		if (signed.isEmpty()) {
			return "This link was not issued by the department.";
		}
		return jdbc.sql("SELECT used_at IS NOT NULL FROM bsk_handover WHERE handover_id = :id")
			.param("id", signed.get())
			.query(Boolean.class)
			.optional()
			.map(used -> used ? "This link has already been used: each link from BSK opens the form once."
					: "This link has expired, or BSK has since issued a newer one.")
			.orElse("This link is not known.");
	}

	/** The link's id when the link is {@code <id>.<mac>} with the MAC SevaHub's key gives that id; else empty. */
	private Optional<String> signedId(String link) {
		int dot = link == null ? -1 : link.indexOf('.');
		if (dot <= 0) {
			return Optional.empty();
		}
		String id = link.substring(0, dot);
		byte[] mac = link.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(access.sign(PURPOSE, id).getBytes(StandardCharsets.US_ASCII), mac) ? Optional.of(id)
				: Optional.empty();
	}

}
