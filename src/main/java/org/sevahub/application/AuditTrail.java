package org.sevahub.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.sevahub.platform.doors.ControlCharacters;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One record for every message SevaHub receives from or sends to a counterpart. The summary is redacted
 * before it is written: Aadhaar-like and mobile-like digit runs are masked, so the audit log never becomes
 * the place personal data leaks from. Records are written in a transaction of their own, so a refused
 * request (whose own transaction rolls back) still leaves its trace.
 *
 * <p>A message the outbox sends is the exception: its record is {@linkplain #holding held} while the connector
 * sends it and written in the transaction that records the delivery, so a portal's answer costs one commit, not
 * two (the outbox sends seven or more messages per application), and a delivery is never recorded without its trace.
 */
@Repository
public class AuditTrail {

	public enum Direction {

		IN, OUT

	}

	// Not inside a longer run of letters and digits: a SHA-256 in hex often holds ten digits in a row.
	private static final Pattern AADHAAR = Pattern.compile("(?<![0-9A-Za-z])(\\d{4})[ -]?(\\d{4})[ -]?(\\d{4})(?![0-9A-Za-z])");

	private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z])([6-9]\\d)\\d{6}(\\d{2})(?![0-9A-Za-z])");

	private static final String INSERT = "INSERT INTO audit_record (direction, portal, operation, reference, outcome,"
			+ " summary, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)";

	/** The records held for the send running on this thread, if any. */
	private static final ThreadLocal<Held> HELD = new ThreadLocal<>();

	private final JdbcTemplate jdbc;

	private final TransactionTemplate ownTransaction;

	AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	public void record(Direction direction, String portal, String operation, String reference, String outcome,
			String summary) {
		Entry entry = new Entry(direction.name(), clip(portal, 20), clip(operation, 100), clip(reference, 200),
				clip(outcome, 40), truncate(redact(summary)), EngineClock.now());
		Held held = HELD.get();
		if (held == null || !held.add(entry)) {
			writeApart(List.of(entry));
		}
	}

	/**
	 * Runs {@code work} with the records it makes held in {@code held} instead of written; whoever holds them writes
	 * them with {@link #write}, or {@linkplain Held#release releases} them to be written at once.
	 */
	public <T> T holding(Held held, Callable<T> work) throws Exception {
		HELD.set(held);
		try {
			return work.call();
		}
		finally {
			HELD.remove();
		}
	}

	/** Writes records in the caller's transaction. */
	public void write(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		jdbc.batchUpdate(INSERT, entries.stream()
			.map(e -> new Object[] { e.direction(), e.portal(), e.operation(), e.reference(), e.outcome(), e.summary(),
					ApplicationRepository.timestamp(e.at()) })
			.toList());
	}

	/**
	 * Writes records in a transaction of their own: one not held, or held ones whose holder's transaction failed or
	 * who gave up waiting.
	 */
	public void writeApart(List<Entry> entries) {
		ownTransaction.executeWithoutResult(status -> write(entries));
	}

	/** One record, redacted and clipped, not yet written. */
	public record Entry(String direction, String portal, String operation, String reference, String outcome,
			String summary, Instant at) {
	}

	/**
	 * Records held for one send. The sending thread may still be adding when the holder gives up waiting for it: once
	 * released, what it adds is written at once.
	 */
	public static final class Held {

		private final List<Entry> entries = new ArrayList<>(1);

		private boolean released;

		synchronized boolean add(Entry entry) {
			if (released) {
				return false;
			}
			entries.add(entry);
			return true;
		}

		/** What was held; from now on the sending thread's records are written as they are made. */
		public synchronized List<Entry> release() {
			released = true;
			return List.copyOf(entries);
		}

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
