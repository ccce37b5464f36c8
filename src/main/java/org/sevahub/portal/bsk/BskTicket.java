package org.sevahub.portal.bsk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * BSK's timestamps: YYYYMMDDHHmmss as a number, in Indian time. A ticketNo is the moment the DEO opened the
 * service; a request whose ticket is older than the window, or from the future, is a replay or a broken clock.
 */
final class BskTicket {

	static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
		.withResolverStyle(ResolverStyle.STRICT);

	private BskTicket() {
	}

	static long stamp(Instant at, ZoneId zone) {
		return Long.parseLong(FORMAT.format(at.atZone(zone)));
	}

	static Instant parse(long ticketNo, ZoneId zone) {
		try {
			return LocalDateTime.parse(String.valueOf(ticketNo), FORMAT).atZone(zone).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new BskRefusal("ticketNo " + ticketNo + " is not a YYYYMMDDHHmmss timestamp");
		}
	}

	/** Refuses a ticket outside [now - maxAge, now + maxSkew], saying which side it fell on. */
	static void checkPlausible(long ticketNo, Instant now, Duration maxAge, Duration maxSkew, ZoneId zone) {
		Instant at = checkNotFuture(ticketNo, now, maxSkew, zone, " (now " + stamp(now, zone) + ")");
		if (at.isBefore(now.minus(maxAge))) {
			throw new BskRefusal("ticketNo " + ticketNo + " has expired: tickets older than " + maxAge.toMinutes()
					+ " minutes are refused (now " + stamp(now, zone) + ")");
		}
	}

	/**
	 * The ticket's moment, refusing a ticket later than now + maxSkew with "ticketNo ... is in the future"
	 * followed by {@code detail}.
	 */
	static Instant checkNotFuture(long ticketNo, Instant now, Duration maxSkew, ZoneId zone, String detail) {
		Instant at = parse(ticketNo, zone);
		if (at.isAfter(now.plus(maxSkew))) {
			throw new BskRefusal("ticketNo " + ticketNo + " is in the future" + detail);
		}
		return at;
	}

}
