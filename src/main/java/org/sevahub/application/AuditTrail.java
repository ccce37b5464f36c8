package org.sevahub.application;

import java.util.regex.Pattern;

import org.sevahub.platform.doors.ControlCharacters;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * One record for every message SevaHub receives from or sends to a counterpart. The summary is redacted
 * before it is written: Aadhaar-like and mobile-like digit runs are masked, so the audit log never becomes
 * the place personal data leaks from. Records are written in a transaction of their own, so a refused
 * request (whose own transaction rolls back) still leaves its trace.
 */
@Repository
public class AuditTrail {

	public enum Direction {

		IN, OUT

	}

	// Not inside a longer run of letters and digits: a SHA-256 in hex often holds ten digits in a row.
	private static final Pattern AADHAAR = Pattern.compile("(?<![0-9A-Za-z])(\\d{4})[ -]?(\\d{4})[ -]?(\\d{4})(?![0-9A-Za-z])");

	private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])([6-9]\\d)\\d{6}(\\d{2})(?![0-9A-Za-z])");

	private final JdbcClient jdbc;

	AuditTrail(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(Direction direction, String portal, String operation, String reference, String outcome,
			String summary) {
		jdbc.sql("""
				INSERT INTO audit_record (direction, portal, operation, reference, outcome, summary, occurred_at)
				VALUES (:direction, :portal, :operation, :reference, :outcome, :summary, :at)""")
			.param("direction", direction.name())
			.param("portal", clip(portal, 20))
			.param("operation", clip(operation, 100))
			.param("reference", clip(reference, 200))
			.param("outcome", clip(outcome, 40))
			.param("summary", truncate(redact(summary)))
			.param("at", ApplicationRepository.timestamp(EngineClock.now()))
			.update();
	}

	/** Masks twelve-digit (Aadhaar-like) and ten-digit mobile-like numbers, keeping their last digits. */
	public static String redact(String text) {
		if (text == null) {
			return null;
		}
		String masked = AADHAAR.matcher(text).replaceAll("XXXX-XXXX-$3");
		return MOBILE.matcher(masked).replaceAll("$1XXXXXX$2");
	}

	/**
	 * The record of a refusal must be written whatever the caller sent: a reference longer than its column
	 * (the request itself is refused for it before anything else is written) is kept in part.
	 */
	private static String clip(String text, int length) {
		text = ControlCharacters.replaced(text);
		return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
	}

	private static String truncate(String text) {
		text = ControlCharacters.replaced(text);
		return text == null || text.length() <= 3900 ? text : text.substring(0, 3900) + "…";
	}

}
